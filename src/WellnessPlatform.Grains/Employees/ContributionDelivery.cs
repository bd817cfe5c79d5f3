using Microsoft.Extensions.Logging;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Employees;

namespace WellnessPlatform.Grains.Employees;

/// <summary>
/// What one employee owes the tenant's counters, from the change that causes it to the shard that stores
/// it. A correction is queued in the record's outbox and so stored in the same write as its change;
/// only stored corrections are offered to the shard, which applies each sequence once; the outbox is
/// resent on a timer until the shard confirms it durable, and the shard is told when it may forget this
/// contributor. One per activation of <see cref="EmployeeGrain"/>.
/// </summary>
internal sealed partial class ContributionDelivery(
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

    // The shard reference for the shard count it was made for (references are resolved once per activation, not per session).
    private ITenantAggregateShardGrain? _shard;
    private int _shardFor;

    // A delivery reached the shard since the retry timer last ticked. Every delivery offers the whole
    // outbox, so a tick right after one would resend exactly what the shard just took: it is skipped.
    private bool _deliveredSinceTick;

    // The highest sequence the stored outbox can never resend (see SettledThrough), and the last value
    // the shard was told: once they differ, the shard may forget this contributor.
    private long _settledThrough = -1;
    private long _reportedSettled = -1;

    /// <summary>Confirmed corrections trimmed from the outbox in memory since the last write.</summary>
    public bool Trimmed { get; private set; }

    private EmployeeRecord Record => record();

    /// <summary>On activation: measured against what is stored, and resending whatever is still owed.</summary>
    public void Activated()
    {
        _settledThrough = SettledThrough();
        if (Record.Outbox.Count > 0)
        {
            ScheduleRetry();
        }
    }

    /// <summary>After the record was stored: what it can never resend moved on, and the trimmed outbox is durable.</summary>
    public void Written()
    {
        _settledThrough = SettledThrough();
        Trimmed = false;
    }

    /// <summary>Puts what is owed the tenant (current contribution minus what was emitted) in the outbox; false if nothing.</summary>
    public bool Queue(Dictionary<CellKey, long> current, DateOnly today)
    {
        if (Record.ErasureShare is not null)
        {
            // An erasure has begun: the shard has (or will have) the leave, and nothing after it may count.
            return false;
        }

        var open = Contribution.OpenFrom(today);
        var finalBefore = open > Record.FinalBefore ? open : Record.FinalBefore;
        var (delta, kept) = Contribution.Diff(Record.Emitted, current, Record.FinalBefore, finalBefore);
        Record.Emitted = kept;
        Record.FinalBefore = finalBefore;
        if (delta.Count == 0)
        {
            return false;
        }

        Outbox.Queue(Record, delta);
        return true;
    }

    /// <summary>The shard this person's corrections go to: a hash of the id over the tenant's shard count.</summary>
    public ITenantAggregateShardGrain Shard()
    {
        if (_shard is null || _shardFor != Record.ShardCount)
        {
            _shardFor = Record.ShardCount;
            _shard = grains.Get<ITenantAggregateShardGrain>(GrainKeys.Shard(tenantId, GrainKeys.ShardIndex(employeeId, _shardFor)));
        }

        return _shard;
    }

    public async Task DeliverAsync()
    {
        // With nothing owed, the shard is called only to say it may forget this contributor. A running
        // retry timer is left to stop itself at its next tick: stopping it here and starting another
        // at the next session cost a timer-queue lock round trip per session (the ingest profile).
        if (NothingOwed)
        {
            return;
        }

        // An entry held back while the outbox was full is offered once there is room, stored first.
        if (Outbox.Offer(Record))
        {
            try
            {
                await write();
            }
            catch
            {
                return; // logged; this activation is dropped and the next one resends
            }
        }

        try
        {
            var settled = _settledThrough;
            var durable = await Shard().ApplyAsync(Record.ContributorToken, Outbox.Offered(Record), settled);
            _reportedSettled = settled;
            _deliveredSinceTick = true;

            // Trimmed in memory only: the next write stores the shorter outbox, and until then a resend
            // after a crash is harmless because the shard skips sequences it has applied.
            Trimmed |= Record.Outbox.RemoveAll(e => e.Sequence <= durable) > 0;
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(logger, ex);
        }

        if (Record.Outbox.Count > 0)
        {
            ScheduleRetry();
        }
    }

    public void ScheduleRetry() =>
        _retryTimer ??= grain.RegisterGrainTimer(_ => RetryAsync(), new GrainTimerCreationOptions(retryInterval, retryInterval) { KeepAlive = true });

    /// <summary>
    /// Resends what the shard has not confirmed durable, unless a delivery since the last tick already
    /// did: then the next tick resends, so nothing waits more than two intervals after the last offer.
    /// Under steady use every session's own delivery carries the resend and the timer only ticks.
    /// </summary>
    private async Task RetryAsync()
    {
        if (NothingOwed)
        {
            Stop();
            return;
        }

        if (_deliveredSinceTick)
        {
            _deliveredSinceTick = false;
            return;
        }

        WellnessMetrics.Woke("retry");
        await DeliverAsync();
        _deliveredSinceTick = false;
    }

    public void Stop()
    {
        _retryTimer?.Dispose();
        _retryTimer = null;
    }

    private bool NothingOwed => Record.Outbox.Count == 0 && _settledThrough <= _reportedSettled;

    /// <summary>What the stored outbox can never send again: everything below its first entry, or all issued sequences when empty.</summary>
    private long SettledThrough() => Record.Outbox.Count == 0 ? Record.LastSequence : Record.Outbox.Min(e => e.Sequence) - 1;

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivering aggregate corrections failed; they stay in the outbox and are resent")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception);
}
