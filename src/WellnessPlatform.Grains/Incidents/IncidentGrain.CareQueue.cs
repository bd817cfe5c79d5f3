using Microsoft.Extensions.Logging;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.CareQueue;
using WellnessPlatform.Domain.CareQueue;
using WellnessPlatform.Domain.Incidents;

namespace WellnessPlatform.Grains.Incidents;

/// <summary>
/// The case's entries in the work queue (<see cref="CaseQueueMembership"/>): new incident, restricted
/// duty with its end date, Form 301 due. Written, like the case's queue line, after every change and on
/// every activation; every write is idempotent. Form 301 enters the queue by time alone, so a reminder
/// wakes the case two days before it is due (and daily after, until the entry is written).
/// </summary>
public sealed partial class IncidentGrain : IRemindable
{
    private const string Form301Reminder = "form301-notice";

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        WellnessMetrics.Woke("form301");
        if (state.State.Report is null || Case().Status == IncidentStatus.Closed)
        {
            await this.UnregisterReminderIfAnyAsync(Form301Reminder);
            return;
        }

        if (await ListAsync() && clock.GetUtcNow() >= Case().Form301DueBy - CaseQueueMembership.Form301Notice)
        {
            await this.UnregisterReminderIfAnyAsync(Form301Reminder);
        }
    }

    private async Task ScheduleForm301NoticeAsync()
    {
        var due = Case().Form301DueBy - CaseQueueMembership.Form301Notice - clock.GetUtcNow();
        await this.RegisterOrUpdateReminder(Form301Reminder, due > TimeSpan.FromMinutes(1) ? due : TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
    }

    /// <summary>Sets the kinds the case belongs under and removes the others; false (logged) when the queue could not be written.</summary>
    private async Task<bool> ListAsync()
    {
        var c = Case();
        var belongs = CaseQueueMembership.Of(c.Status, c.ReportedAt, c.Form301DueBy, c.RestrictedUntil, clock.GetUtcNow());
        var queue = GrainFactory.GetGrain<ICareQueueGrain>(GrainKeys.CareQueue(TenantId));
        try
        {
            foreach (var kind in CaseQueueMembership.CaseKinds)
            {
                var entry = belongs.Where(e => e.Kind == kind).Select(e => new CareQueueItem(kind, c.EmployeeId, c.IncidentId, e.Day)).FirstOrDefault();
                await (entry is null ? queue.RemoveAsync(kind, c.IncidentId) : queue.SetAsync(entry));
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The case is stored; a fresh activation (the next use, or the Form 301 reminder) writes the entries again.
            LogListingFailed(logger, ex);
            DeactivateOnIdle();
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An incident's work-queue entries could not be written; its next activation writes them")]
    private static partial void LogListingFailed(ILogger logger, Exception exception);
}
