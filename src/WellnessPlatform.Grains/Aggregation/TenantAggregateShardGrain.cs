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
/// <remarks>
/// The stored state stays bounded: weeks the tenant has released leave the counters, and a
/// contributor's last sequence is forgotten once the contributor has stored that it will never resend
/// it (its <c>settledThrough</c>), which every employee reports at its weekly review.
/// Erased contributors' shares are summed in a second state (<see cref="DepartedState"/>), so the
/// reconciliation can account for people it can no longer ask.
/// </remarks>
[GrainType(GrainTypes.Shard)]
public sealed partial class TenantAggregateShardGrain(
    [PersistentState(StorageNames.ShardState, StorageNames.GrainState)] IPersistentState<ShardState> state,
    [PersistentState(StorageNames.ShardDepartedState, StorageNames.GrainState)] IPersistentState<DepartedState> departed,
    IOptions<WellnessGrainOptions> options,
    ILogger<TenantAggregateShardGrain> logger) : Grain, ITenantAggregateShardGrain
{
    // Per contributor, the durable sequence from before the first change since the last flush.
    private readonly Dictionary<Guid, long> _durableBeforeFlush = [];
    private readonly Dictionary<CellKey, long> _counters = [];
    private readonly Dictionary<CellKey, long> _departed = [];
    private IGrainTimer? _flushTimer;

    // A change not yet stored that no contributor waits for (a forgotten contributor, a release).
    private bool _dirty;

    // The departed counters changed in memory (a release) and are not yet stored.
    private bool _departedDirty;

    // Whether the tenant has been told of a change since it last read these counters: one call per
    // dashboard read at most, however many sessions arrive in between.
    private bool _tenantTold;

    private ShardState Shard => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Stored rows, plus counters from the layout before rows (written back as rows on the next flush).
        CounterRow.Unpack(Shard.Rows, _counters);
        foreach (var (key, value) in CounterRetention.Apply(Shard.Counters, Shard.ReleasedThrough))
        {
            _counters[key] = _counters.GetValueOrDefault(key) + value;
        }

        _dirty = Shard.Counters.Count > 0;
        CounterRow.Unpack(departed.State.Rows, _departed);
        return Task.CompletedTask;
    }

    public async Task<long> ApplyAsync(Guid contributor, IReadOnlyList<OutboxEntry> entries, long settledThrough)
    {
        if (!Shard.Applied.ContainsKey(contributor) && ForgottenTokens.Holds(Shard.Forgotten, contributor))
        {
            // Erased: its leave is applied and its share counted as departed; nothing it resends counts again.
            return entries.Count == 0 ? settledThrough : entries.Max(e => e.Sequence);
        }

        var applied = Shard.Applied.GetValueOrDefault(contributor);
        if (Shard.Applied.ContainsKey(contributor) && applied <= settledThrough && !_durableBeforeFlush.ContainsKey(contributor))
        {
            // The contributor has stored that it will never resend anything up to here: nothing to remember.
            Shard.Applied.Remove(contributor);
            _dirty = true;
        }

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
                Add(key, change);
            }

            applied = entry.Sequence;
            Shard.Applied[contributor] = applied;
        }

        ScheduleFlush();
        if (applied > before && !_tenantTold)
        {
            // Marked only once delivered: if the call fails, the next change tells the tenant again.
            await GrainFactory.GetGrain<ITenantGrain>(GrainKeys.TenantOf(this.GetPrimaryKeyString())).CountersChangedAsync();
            _tenantTold = true;
        }

        return _durableBeforeFlush.TryGetValue(contributor, out var durable) ? durable : applied;
    }

    public async Task ForgetAsync(Guid contributor, IReadOnlyList<OutboxEntry> lastEntries, IReadOnlyDictionary<CellKey, long> share)
    {
        // 1. The leave and the dropped token, in one write of the counters' state.
        if (Shard.Applied.ContainsKey(contributor) || !ForgottenTokens.Holds(Shard.Forgotten, contributor))
        {
            await ApplyAsync(contributor, lastEntries, -1);
            Shard.Applied.Remove(contributor);
            _durableBeforeFlush.Remove(contributor);
            ForgottenTokens.Remember(Shard.Forgotten, contributor);
            await WriteOrDropAsync(() => WriteAsync(CancellationToken.None));
        }

        // 2. The share, with the token that says it is included, in one write of the departed state. If
        // this write fails the call fails; the erasure is repeated with the same share and step 1 is skipped.
        if (!ForgottenTokens.Holds(departed.State.Included, contributor))
        {
            foreach (var (key, value) in share)
            {
                AddTo(_departed, key, value);
            }

            ForgottenTokens.Remember(departed.State.Included, contributor);
            await WriteOrDropAsync(() => WriteDepartedAsync(CancellationToken.None));
        }
    }

    public Task ReleasedAsync(string releasedThrough)
    {
        if (Shard.ReleasedThrough is null || string.CompareOrdinal(releasedThrough, Shard.ReleasedThrough) > 0)
        {
            Shard.ReleasedThrough = releasedThrough;
            Retain(_counters, releasedThrough);
            Retain(_departed, releasedThrough);

            _dirty = true;
            _departedDirty = true;
            ScheduleFlush();
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<CellKey, long>> GetCountersAsync()
    {
        _tenantTold = false;
        return Task.FromResult<IReadOnlyDictionary<CellKey, long>>(new Dictionary<CellKey, long>(_counters));
    }

    public Task<IReadOnlyDictionary<CellKey, long>> GetDepartedAsync() =>
        Task.FromResult<IReadOnlyDictionary<CellKey, long>>(new Dictionary<CellKey, long>(_departed));

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_durableBeforeFlush.Count > 0 || _dirty || _departedDirty)
        {
            await FlushAsync(cancellationToken);
        }
    }

    private void Add(CellKey key, long change) => AddTo(_counters, key, change);

    private static void Retain(Dictionary<CellKey, long> counters, string releasedThrough)
    {
        var kept = CounterRetention.Apply(counters, releasedThrough);
        counters.Clear();
        foreach (var (key, value) in kept)
        {
            counters[key] = value;
        }
    }

    private void AddTo(Dictionary<CellKey, long> counters, CellKey key, long change)
    {
        // A week already released is stored by the tenant as shown; only its membership still counts, folded.
        if (CounterRetention.Retain(key, Shard.ReleasedThrough) is not { } kept)
        {
            return;
        }

        var value = counters.GetValueOrDefault(kept) + change;
        if (value == 0)
        {
            counters.Remove(kept);
        }
        else
        {
            counters[kept] = value;
        }
    }

    /// <summary>
    /// A write the caller waits for. On failure memory is ahead of storage: drop it, so a repeated call
    /// starts from what is stored and cannot apply anything twice. Other contributors resend what was
    /// not yet flushed.
    /// </summary>
    private async Task WriteOrDropAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task WriteDepartedAsync(CancellationToken cancellationToken)
    {
        departed.State.Rows = CounterRow.Pack(_departed);
        await departed.WriteStateAsync(cancellationToken);
        _departedDirty = false;
    }

    private void ScheduleFlush()
    {
        if (_durableBeforeFlush.Count > 0 || _dirty)
        {
            var interval = options.Value.ShardFlushInterval;
            _flushTimer ??= this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        Shard.Rows = CounterRow.Pack(_counters);
        Shard.Counters = [];
        await state.WriteStateAsync(cancellationToken);
        _durableBeforeFlush.Clear();
        _dirty = false;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        WellnessMetrics.Woke("flush");
        if (_durableBeforeFlush.Count == 0 && !_dirty && !_departedDirty)
        {
            _flushTimer?.Dispose();
            _flushTimer = null;
            return;
        }

        try
        {
            if (_durableBeforeFlush.Count > 0 || _dirty)
            {
                await WriteAsync(cancellationToken);
            }

            if (_departedDirty)
            {
                await WriteDepartedAsync(cancellationToken);
            }
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
