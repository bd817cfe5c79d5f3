using Microsoft.Extensions.Logging;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.CareQueue;
using WellnessPlatform.Domain.CareQueue;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Plans;

namespace WellnessPlatform.Grains.Employees;

/// <summary>
/// Keeps one person's entries in the case workers' queue in step with their record. The record is
/// stored first; then what it should be listed under (<see cref="CareQueueMembership"/>) is compared
/// with what the table is known to hold (<see cref="EmployeeRecord.CareQueueListed"/>), the difference
/// is written (idempotent upserts and deletes), and the new listing is stored. A failed table write is
/// retried on a timer, on the next commit and on the next activation (the weekly review activates every
/// enrolled person), so a held person cannot silently miss the queue. One per activation of <see cref="EmployeeGrain"/>.
/// </summary>
internal sealed partial class CareQueueListing(
    IGrainBase grain,
    IGrainFactory grains,
    Func<EmployeeRecord> record,
    Func<Task> write,
    string tenantId,
    string employeeId,
    TimeSpan retryInterval,
    ILogger logger)
{
    private IGrainTimer? _retryTimer;
    private CareQueueMarks _wanted;

    private EmployeeRecord Record => record();

    private ICareQueueGrain Queue => grains.GetGrain<ICareQueueGrain>(GrainKeys.CareQueue(tenantId));

    /// <summary>On activation: anything owed (a failed write, or state from before the queue) is placed soon.</summary>
    public void Activated(ProgressReport? report)
    {
        _wanted = report is null ? CareQueueMarks.None : CareQueueMembership.Of(Record, report);
        if (_wanted != Record.CareQueueListed)
        {
            ScheduleRetry();
        }
    }

    /// <summary>After the record was stored: lists or unlists what changed. Never throws; a failure is retried.</summary>
    public Task SyncAsync(ProgressReport report)
    {
        _wanted = CareQueueMembership.Of(Record, report);
        return SyncAsync();
    }

    /// <summary>Takes every entry of this person off the queue, whatever is stored: the erasure's step.</summary>
    public async Task RemoveAllAsync()
    {
        Stop();
        foreach (var (_, kind) in CareQueueMembership.PersonKinds)
        {
            await Queue.RemoveAsync(kind, employeeId);
        }
    }

    public void Stop()
    {
        _retryTimer?.Dispose();
        _retryTimer = null;
    }

    private async Task SyncAsync()
    {
        var listed = Record.CareQueueListed;
        if (_wanted == listed)
        {
            Stop();
            return;
        }

        try
        {
            foreach (var (mark, kind) in CareQueueMembership.PersonKinds)
            {
                if (_wanted.HasFlag(mark) && !listed.HasFlag(mark))
                {
                    await Queue.SetAsync(new CareQueueItem(kind, employeeId, null, CareQueueMembership.Since(Record, kind)));
                }
                else if (!_wanted.HasFlag(mark) && listed.HasFlag(mark))
                {
                    await Queue.RemoveAsync(kind, employeeId);
                }
            }
        }
        catch (Exception ex)
        {
            LogListingFailed(logger, ex);
            ScheduleRetry();
            return;
        }

        // Stored, so a later activation knows the table holds it; if this write fails the activation is
        // dropped and the next one finds the listing owed again, which the idempotent writes repeat safely.
        Record.CareQueueListed = _wanted;
        Stop();
        try
        {
            await write();
        }
        catch
        {
            // logged by the grain; this activation is dropped
        }
    }

    private void ScheduleRetry() =>
        _retryTimer ??= grain.RegisterGrainTimer(_ =>
        {
            WellnessMetrics.Woke("care-queue");
            return SyncAsync();
        }, new GrainTimerCreationOptions(retryInterval, retryInterval) { KeepAlive = true });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating the case workers' queue failed; it is retried")]
    private static partial void LogListingFailed(ILogger logger, Exception exception);
}
