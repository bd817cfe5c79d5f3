using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Grains.Aggregation;

namespace WellnessPlatform.Grains.Tests;

/// <summary>
/// The silo's coalescing of shard deliveries, with the shard call replaced by a gate the test opens:
/// an idle shard is called at once, a busy one gets what waited in one call, and every caller gets
/// its own answer or its own failure.
/// </summary>
public sealed class ShardDeliveriesTests
{
    private const string ShardKey = "acme/shard-0";

    private static ContributorOffer Offer(long settled) => new(Guid.NewGuid(), [], settled);

    [Fact]
    public async Task An_idle_shard_is_called_at_once_with_the_one_offer()
    {
        var shard = new GatedShard { Open = true };
        var deliveries = new ShardDeliveries(shard.SendAsync);

        Assert.Equal(7, await deliveries.OfferAsync(ShardKey, Offer(7)).WaitAsync(TimeSpan.FromSeconds(10)));

        var call = Assert.Single(shard.Calls);
        Assert.Equal(ShardKey, call.Shard);
        Assert.Equal(7, Assert.Single(call.Offers).SettledThrough);
    }

    [Fact]
    public async Task Offers_made_while_the_calls_are_in_flight_go_together_in_the_next_and_each_gets_its_own_answer()
    {
        var shard = new GatedShard();
        var deliveries = new ShardDeliveries(shard.SendAsync);

        // Up to MaxInFlight (2) calls go at once; what comes while both are out waits for one of them.
        var first = deliveries.OfferAsync(ShardKey, Offer(1));
        await shard.CalledAsync(1);
        var second = deliveries.OfferAsync(ShardKey, Offer(2));
        await shard.CalledAsync(2);
        var waiting = Enumerable.Range(3, 5).Select(i => deliveries.OfferAsync(ShardKey, Offer(i))).ToList();
        Assert.False(waiting.Any(t => t.IsCompleted), "nothing is answered before the shard answers");

        shard.Release();
        await shard.CalledAsync(3);
        shard.Open = true;
        shard.Release();
        shard.Release();

        // The fake shard answers each offer with its own settled value, so a mix-up would show here.
        var answers = await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([3, 4, 5, 6, 7], answers);
        var earlier = await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([1, 2], earlier);
        Assert.Equal(3, shard.Calls.Count);
        Assert.Equal([3, 4, 5, 6, 7], shard.Calls[2].Offers.Select(o => o.SettledThrough));
    }

    [Fact]
    public async Task A_backlog_is_sent_in_calls_of_at_most_the_batch_limit()
    {
        var shard = new GatedShard();
        var deliveries = new ShardDeliveries(shard.SendAsync);

        var inFlight = new List<Task<long>> { deliveries.OfferAsync(ShardKey, Offer(-1)) };
        await shard.CalledAsync(1);
        inFlight.Add(deliveries.OfferAsync(ShardKey, Offer(0)));
        await shard.CalledAsync(2);
        var backlog = Enumerable.Range(1, ShardDeliveries.MaxBatch + 10).Select(i => deliveries.OfferAsync(ShardKey, Offer(i))).ToList();
        shard.Open = true;
        shard.Release();
        shard.Release();

        await Task.WhenAll(backlog.Concat(inFlight)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([1, 1, 10, ShardDeliveries.MaxBatch], shard.Calls.Select(c => c.Offers.Count).Order());
        Assert.Equal(Enumerable.Range(1, ShardDeliveries.MaxBatch + 10).Select(i => (long)i), backlog.Select(t => t.Result));
    }

    [Fact]
    public async Task A_failed_call_fails_every_offer_in_it_and_the_next_offer_is_sent_again()
    {
        var shard = new GatedShard();
        var deliveries = new ShardDeliveries(shard.SendAsync);

        var offers = new List<Task<long>> { deliveries.OfferAsync(ShardKey, Offer(1)) };
        await shard.CalledAsync(1);
        offers.Add(deliveries.OfferAsync(ShardKey, Offer(2)));
        await shard.CalledAsync(2);
        offers.Add(deliveries.OfferAsync(ShardKey, Offer(3)));
        offers.Add(deliveries.OfferAsync(ShardKey, Offer(4)));
        shard.Fail = true;
        shard.Open = true;
        shard.Release();
        shard.Release();

        foreach (var offer in offers)
        {
            await Assert.ThrowsAsync<TimeoutException>(() => offer.WaitAsync(TimeSpan.FromSeconds(10)));
        }

        shard.Fail = false;
        Assert.Equal(5, await deliveries.OfferAsync(ShardKey, Offer(5)).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Each_shard_has_its_own_lane_and_calls()
    {
        var shard = new GatedShard { Open = true };
        var deliveries = new ShardDeliveries(shard.SendAsync);

        await Task.WhenAll(
            deliveries.OfferAsync("acme/shard-0", Offer(1)),
            deliveries.OfferAsync("acme/shard-1", Offer(2))).WaitAsync(TimeSpan.FromSeconds(10));
        await deliveries.OfferAsync("acme/shard-0", Offer(3)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["acme/shard-0", "acme/shard-0", "acme/shard-1"], shard.Calls.Select(c => c.Shard).Order());
        Assert.All(shard.Calls, c => Assert.Single(c.Offers));
        Assert.Equal(2, deliveries.Lanes);
    }

    [Fact]
    public async Task Offers_from_many_threads_are_each_answered_once_and_none_is_lost()
    {
        var shard = new GatedShard { Open = true };
        var deliveries = new ShardDeliveries(shard.SendAsync);

        var answers = await Task.WhenAll(Enumerable.Range(0, 2_000).Select(i => Task.Run(() => deliveries.OfferAsync(ShardKey, Offer(i)))))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => (long)i), answers);
        Assert.Equal(2_000, shard.Calls.Sum(c => c.Offers.Count));
    }

    /// <summary>A shard that holds each call until released (or answers at once when open).</summary>
    private sealed class GatedShard
    {
        private readonly SemaphoreSlim _released = new(0);

        public List<(string Shard, IReadOnlyList<ContributorOffer> Offers)> Calls { get; } = [];

        public volatile bool Open;

        public volatile bool Fail;

        public void Release() => _released.Release();

        public async Task CalledAsync(int count)
        {
            for (var i = 0; i < 500 && Calls.Count < count; i++)
            {
                await Task.Delay(10);
            }

            Assert.Equal(count, Calls.Count);
        }

        public async Task<IReadOnlyList<long>> SendAsync(string shard, IReadOnlyList<ContributorOffer> offers)
        {
            lock (Calls)
            {
                Calls.Add((shard, offers));
            }

            if (!Open)
            {
                await _released.WaitAsync();
            }

            return Fail ? throw new TimeoutException("the shard did not answer") : [.. offers.Select(o => o.SettledThrough)];
        }
    }
}
