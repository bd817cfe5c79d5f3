using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.CareQueue;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.CareQueue;
using WellnessPlatform.Grains.Notifications;

namespace WellnessPlatform.Grains.CareQueue;

/// <summary>
/// One tenant's work queue over <see cref="CareQueueTable"/>; holds nothing. One activation per tenant,
/// not a stateless worker, so writes reach the counts row one at a time instead of racing on its ETag.
/// An entry that newly appears (<see cref="CaseWorkEmail.Announces"/>) is announced to the tenant's
/// occupational-health team address: the row's insert is the durable "sent" marker, stored before the
/// email goes, so a repeated write of the same entry announces nothing (at most once per entry).
/// </summary>
[GrainType(GrainTypes.CareQueue)]
public sealed partial class CareQueueGrain(CareQueueTable queue, ILogger<CareQueueGrain> logger) : Grain, ICareQueueGrain
{
    private string TenantId => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    public async Task SetAsync(CareQueueItem item)
    {
        if (await queue.SetAsync(TenantId, item) && CaseWorkEmail.Announces(item.Kind))
        {
            // Not awaited: the employee or incident grain that listed the entry must not wait on the relay.
            _ = AnnounceAsync(item);
        }
    }

    public Task RemoveAsync(CareQueueKind kind, string subject) => queue.RemoveAsync(TenantId, kind, subject);

    public Task<CareQueuePage> QueryAsync(CareQueueQuery query) => queue.PageAsync(TenantId, query);

    public Task<IReadOnlyDictionary<CareQueueKind, int>> CountsAsync() => queue.CountsAsync(TenantId);

    private async Task AnnounceAsync(CareQueueItem item)
    {
        try
        {
            if (await GrainFactory.GetGrain<ITenantGrain>(TenantId).GetCaseWorkRecipientAsync() is not { } to)
            {
                return;
            }

            var mail = ServiceProvider.GetRequiredService<IOptions<MailSettings>>().Value;
            await ServiceProvider.GetRequiredService<IMailSender>().SendAsync(CaseWorkEmail.For(mail, TenantId, to.Email, to.UnsubscribeToken, item));
        }
        catch (Exception ex)
        {
            LogNotAnnounced(logger, item.Kind, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The case-work alert for a new {Kind} entry could not be sent; it is not retried (the entry is in the queue)")]
    private static partial void LogNotAnnounced(ILogger logger, CareQueueKind kind, Exception exception);
}
