using System.Collections.Concurrent;
using System.Diagnostics;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Isolation;

namespace WellnessPlatform.Grains.Aggregation;

/// <summary>
/// Coalesces this silo's deliveries to each shard (group commit): at most one call per shard is in
/// flight, and the offers that arrive meanwhile go together in the next call. An idle shard gets an
/// offer at once, as a direct call would; a busy one gets one call per batch instead of one per session,
/// which is where the ingest profile spent a grain hop. Every caller still waits for its own answer, so
/// what an employee acknowledges, and when it trims its outbox, is unchanged: this holds nothing that
/// is not also in a stored outbox, and a lost batch is resent from those outboxes like a lost call.
/// </summary>
public sealed class ShardDeliveries
{
    /// <summary>Offers per call at most, so one call's message stays small whatever the backlog.</summary>
    public const int MaxBatch = 256;

    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Func<string, IReadOnlyList<ContributorOffer>, Task<IReadOnlyList<long>>> _send;

    public ShardDeliveries(IGrainFactory grains)
        : this((shardKey, offers) => SendAsync(grains, shardKey, offers))
    {
    }

    /// <summary>With the call to the shard given (tests).</summary>
    internal ShardDeliveries(Func<string, IReadOnlyList<ContributorOffer>, Task<IReadOnlyList<long>>> send) => _send = send;

    /// <summary>Lanes with offers waiting or in flight; an idle lane is dropped.</summary>
    internal int Lanes => _lanes.Count;

    /// <summary>Offers one contributor's outbox to a shard; answers what the shard holds durably for it.</summary>
    public Task<long> OfferAsync(string shardKey, ContributorOffer offer)
    {
        while (true)
        {
            var lane = _lanes.GetOrAdd(shardKey, static (key, owner) => new Lane(owner, key), this);
            if (lane.TryAdd(offer) is { } answer)
            {
                return answer;
            }

            // The lane went idle and closed between the lookup and the add: a new one takes the offer.
        }
    }

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
        private readonly List<Pending> _waiting = [];
        private bool _sending;
        private bool _closed;

        public Task<long>? TryAdd(ContributorOffer offer)
        {
            // Completed off the sender's thread, so no caller's continuation runs inside the send loop.
            var pending = new Pending(offer, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously),
                Activity.Current?.Context ?? default);
            bool start;
            lock (_waiting)
            {
                if (_closed)
                {
                    return null;
                }

                _waiting.Add(pending);
                start = !_sending;
                _sending = true;
            }

            if (start)
            {
                // Not flowing the caller's execution context: its request context and trace are one
                // employee's, and the loop serves many.
                ThreadPool.UnsafeQueueUserWorkItem(static lane => _ = lane.SendAllAsync(), this, preferLocal: false);
            }

            return pending.Answer.Task;
        }

        private async Task SendAllAsync()
        {
            while (Take() is { } batch)
            {
                using var span = Span(batch);
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

        private List<Pending>? Take()
        {
            lock (_waiting)
            {
                if (_waiting.Count == 0)
                {
                    // Idle: closed and dropped, so lanes do not accumulate for shards nobody calls any more.
                    _sending = false;
                    _closed = true;
                    owner._lanes.TryRemove(new KeyValuePair<string, Lane>(shardKey, this));
                    return null;
                }

                var count = Math.Min(_waiting.Count, MaxBatch);
                var batch = _waiting.GetRange(0, count);
                _waiting.RemoveRange(0, count);
                return batch;
            }
        }
    }
}
