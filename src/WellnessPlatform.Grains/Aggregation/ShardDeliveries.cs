using System.Collections.Concurrent;
using System.Diagnostics;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Isolation;

namespace WellnessPlatform.Grains.Aggregation;

/// <summary>
/// Coalesces this silo's deliveries to each shard (group commit): at most <see cref="MaxInFlight"/> calls
/// per shard are in flight, and the offers that arrive meanwhile go together in the next call. An idle shard gets an
/// offer at once, as a direct call would; a busy one gets one call per batch instead of one per session,
/// which is where the ingest profile spent a grain hop. Every caller still waits for its own answer, so
/// what an employee acknowledges, and when it trims its outbox, is unchanged: this holds nothing that
/// is not also in a stored outbox, and a lost batch is resent from those outboxes like a lost call.
/// </summary>
public sealed class ShardDeliveries
{
    /// <summary>Offers per call at most, so one call's message stays small whatever the backlog.</summary>
    public const int MaxBatch = 256;

    /// <summary>
    /// Calls in flight per shard at most. With one, an offer made during a call waited for that call's
    /// whole round trip before its own was sent (the paced HTTP run's p99 rose from 12 to 21 ms); with
    /// two, it is sent at once and waits at the shard only for the other call's turn.
    /// </summary>
    public const int MaxInFlight = 2;

    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Func<string, IReadOnlyList<ContributorOffer>, Task<IReadOnlyList<long>>> _send;

    public ShardDeliveries(IGrainFactory grains)
        : this((shardKey, offers) => SendAsync(grains, shardKey, offers))
    {
    }

    /// <summary>With the call to the shard given (tests).</summary>
    internal ShardDeliveries(Func<string, IReadOnlyList<ContributorOffer>, Task<IReadOnlyList<long>>> send) => _send = send;

    /// <summary>
    /// One lane per shard this silo has delivered to (a few hundred bytes each, however many people):
    /// bounded by the tenants' shard counts, so idle lanes are kept rather than dropped and made again.
    /// </summary>
    internal int Lanes => _lanes.Count;

    /// <summary>Offers one contributor's outbox to a shard; answers what the shard holds durably for it.</summary>
    public Task<long> OfferAsync(string shardKey, ContributorOffer offer) =>
        _lanes.GetOrAdd(shardKey, static (key, owner) => new Lane(owner, key), this).Add(offer);

    private static async Task<IReadOnlyList<long>> SendAsync(IGrainFactory grains, string shardKey, IReadOnlyList<ContributorOffer> offers)
    {
        // Sent from the thread pool, not from any employee's context: the call acts for the shard's own
        // tenant, which every offer in a lane shares (the lane is the shard's key).
        using var acting = TenantContext.ActFor(GrainKeys.TenantOf(shardKey));
        return await grains.Get<ITenantAggregateShardGrain>(shardKey).ApplyManyAsync(offers);
    }

    /// <summary>An offer, whoever waits for its answer, and the span it was offered in (the batch's span links to it).</summary>
    private sealed record Pending(ContributorOffer Offer, TaskCompletionSource<long> Answer, ActivityContext Caller);

    private sealed class Lane(ShardDeliveries owner, string shardKey)
    {
        // Lock-free: with every employee of a shard offering at once, a lock here was contended (the
        // ingest profile showed callers spinning on it while its holder waited for a core).
        private readonly ConcurrentQueue<Pending> _waiting = new();

        // Send loops running for this lane, at most MaxInFlight; a loop that finds the queue empty leaves.
        private int _loops;

        public Task<long> Add(ContributorOffer offer)
        {
            // Completed synchronously: the callers are grains, whose continuations go to their own
            // schedulers and never run inside the send loop; forcing them through the thread pool first
            // was one more queue for every session's answer.
            var pending = new Pending(offer, new TaskCompletionSource<long>(),
                Activity.Current?.Context ?? default);
            _waiting.Enqueue(pending);
            if (TryEnter())
            {
                // Not flowing the caller's execution context: its request context and trace are one
                // employee's, and the loop serves many.
                ThreadPool.UnsafeQueueUserWorkItem(static lane => _ = lane.SendAllAsync(), this, preferLocal: false);
            }

            return pending.Answer.Task;
        }

        /// <summary>Counts one more send loop, unless <see cref="MaxInFlight"/> already run.</summary>
        private bool TryEnter()
        {
            while (true)
            {
                var loops = Volatile.Read(ref _loops);
                if (loops >= MaxInFlight)
                {
                    return false;
                }

                if (Interlocked.CompareExchange(ref _loops, loops + 1, loops) == loops)
                {
                    return true;
                }
            }
        }

        private async Task SendAllAsync()
        {
            while (true)
            {
                var batch = Take();
                if (batch.Count == 0)
                {
                    // Idle; but an offer enqueued after the last look, while every loop still counted,
                    // started none, so look once more. Interlocked (a full fence), so that look cannot
                    // be read before this loop stops counting.
                    Interlocked.Decrement(ref _loops);
                    if (_waiting.IsEmpty || !TryEnter())
                    {
                        return;
                    }

                    continue;
                }

                using var span = Span(batch);
                WellnessMetrics.DeliveredToShard(batch.Count);
                try
                {
                    var durable = await owner._send(shardKey, [.. batch.Select(p => p.Offer)]);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Answer.TrySetResult(durable[i]);
                    }
                }
                catch (Exception ex)
                {
                    // Each caller logs it and keeps its outbox for the retry, as after a failed direct call.
                    foreach (var pending in batch)
                    {
                        pending.Answer.TrySetException(ex);
                    }
                }
            }
        }

        /// <summary>The batch's span: under the first offer's trace, linked to every other offer's.</summary>
        private static Activity? Span(List<Pending> batch)
        {
            if (!WellnessTracing.Source.HasListeners())
            {
                return null;
            }

            var links = batch.Skip(1).Where(p => p.Caller != default).Select(p => new ActivityLink(p.Caller)).ToList();
            var span = WellnessTracing.Source.StartActivity("shard delivery", ActivityKind.Internal, batch[0].Caller, links: links);
            span?.SetTag("wellness.offers", batch.Count);
            return span;
        }

        private List<Pending> Take()
        {
            var batch = new List<Pending>(Math.Min(_waiting.Count, MaxBatch));
            while (batch.Count < MaxBatch && _waiting.TryDequeue(out var pending))
            {
                batch.Add(pending);
            }

            return batch;
        }
    }
}
