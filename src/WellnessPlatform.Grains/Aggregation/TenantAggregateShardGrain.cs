using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Grains.Aggregation;

/// <summary>
/// Applies employees' corrections in memory at once and stores them in one write per flush interval,
/// so the tenant side costs a small fraction of a storage write per session. It tells each contributor
/// how far it has stored durably; contributors keep and resend everything above that, and the
/// per-token sequence makes every resend harmless.
/// </summary>
[GrainType(GrainTypes.Shard)]
public sealed partial class TenantAggregateShardGrain(
    [PersistentState(StorageNames.ShardState, StorageNames.GrainState)] IPersistentState<ShardState> state,
    IOptions<WellnessGrainOptions> options,
    ILogger<TenantAggregateShardGrain> logger) : Grain, ITenantAggregateShardGrain
{
    // Per contributor, the durable sequence from before the first change since the last flush.
    private readonly Dictionary<Guid, long> _durableBeforeFlush = [];
    private IGrainTimer? _flushTimer;

    // Whether the tenant has been told of a change since it last read these counters: one call per
    // dashboard read at most, however many sessions arrive in between.
    private bool _tenantTold;

    public async Task<long> ApplyAsync(Guid contributor, IReadOnlyList<OutboxEntry> entries)
    {
        var applied = state.State.Applied.GetValueOrDefault(contributor);
        var before = applied;
        foreach (var entry in entries.OrderBy(e => e.Sequence))
        {
            if (entry.Sequence <= applied)
            {
                continue;
            }

            _durableBeforeFlush.TryAdd(contributor, applied);
            foreach (var (key, change) in entry.Delta)
            {
                var value = state.State.Counters.GetValueOrDefault(key) + change;
                if (value == 0)
                {
                    state.State.Counters.Remove(key);
                }
                else
                {
                    state.State.Counters[key] = value;
                }
            }

            applied = entry.Sequence;
            state.State.Applied[contributor] = applied;
        }

        if (_durableBeforeFlush.Count > 0)
        {
            var interval = options.Value.ShardFlushInterval;
            _flushTimer ??= this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
        }

        if (applied > before && !_tenantTold)
        {
            // Marked only once delivered: if the call fails, the next change tells the tenant again.
            await GrainFactory.GetGrain<ITenantGrain>(GrainKeys.TenantOf(this.GetPrimaryKeyString())).CountersChangedAsync();
            _tenantTold = true;
        }

        return _durableBeforeFlush.TryGetValue(contributor, out var durable) ? durable : applied;
    }

    public async Task ForgetAsync(Guid contributor, IReadOnlyList<OutboxEntry> lastEntries)
    {
        await ApplyAsync(contributor, lastEntries);
        state.State.Applied.Remove(contributor);
        _durableBeforeFlush.Remove(contributor);
        try
        {
            // Written now, not on the next flush: the leave and the dropped token are stored together,
            // and erasure reports done only once both are.
            await state.WriteStateAsync();
            _durableBeforeFlush.Clear();
        }
        catch (InconsistentStateException)
        {
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<IReadOnlyDictionary<CellKey, long>> GetCountersAsync()
    {
        _tenantTold = false;
        return Task.FromResult<IReadOnlyDictionary<CellKey, long>>(new Dictionary<CellKey, long>(state.State.Counters));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_durableBeforeFlush.Count > 0)
        {
            await FlushAsync(cancellationToken);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_durableBeforeFlush.Count == 0)
        {
            _flushTimer?.Dispose();
            _flushTimer = null;
            return;
        }

        try
        {
            await state.WriteStateAsync(cancellationToken);
            _durableBeforeFlush.Clear();
        }
        catch (InconsistentStateException ex)
        {
            // Another activation wrote first (a partition healed): never overwrite it. Drop this copy;
            // the next call loads the stored state and contributors resend what it lacks.
            LogFlushFailed(logger, ex);
            DeactivateOnIdle();
        }
        catch (Exception ex)
        {
            // Nothing is lost: contributors still hold every unconfirmed correction and will resend.
            LogFlushFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Aggregate shard flush failed; it is retried on the next interval")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
