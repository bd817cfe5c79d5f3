using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.CareQueue;
using WellnessPlatform.Domain.CareQueue;

namespace WellnessPlatform.Grains.CareQueue;

/// <summary>
/// One tenant's work queue over <see cref="CareQueueTable"/>; holds nothing. One activation per tenant,
/// not a stateless worker, so writes reach the counts row one at a time instead of racing on its ETag.
/// </summary>
[GrainType(GrainTypes.CareQueue)]
public sealed class CareQueueGrain(CareQueueTable queue) : Grain, ICareQueueGrain
{
    private string TenantId => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    public Task SetAsync(CareQueueItem item) => queue.SetAsync(TenantId, item);

    public Task RemoveAsync(CareQueueKind kind, string subject) => queue.RemoveAsync(TenantId, kind, subject);

    public Task<CareQueuePage> QueryAsync(CareQueueQuery query) => queue.PageAsync(TenantId, query);

    public Task<IReadOnlyDictionary<CareQueueKind, int>> CountsAsync() => queue.CountsAsync(TenantId);
}
