using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Employees;

namespace WellnessPlatform.Domain.Tests;

/// <summary>
/// The outbox stays within <see cref="EmployeeRecord.MaxOutboxEntries"/> while the shard is unreachable,
/// and the shard still ends with exact counters, whatever was lost on the way: offers that never
/// arrived, and offers that were applied but whose answer was lost (then resent).
/// </summary>
public sealed class OutboxMergeTests
{
    private static readonly string[] Weeks = ["2026-W47", "2026-W48"];

    [Fact]
    public void A_merged_entry_does_what_the_entry_and_then_the_correction_would_under_the_entrys_sequence()
    {
        var a = new CellKey(Weeks[0], "office", Metric.Sessions);
        var b = new CellKey(Weeks[0], "office", Metric.Active);
        var c = new CellKey(Weeks[1], "office", Metric.Sessions);
        var entry = new OutboxEntry(7, new Dictionary<CellKey, long> { [a] = 2, [b] = 1 });

        var merged = Outbox.Merge(entry, new Dictionary<CellKey, long> { [a] = 1, [b] = -1, [c] = 3 });

        Assert.Equal(7, merged.Sequence);
        Assert.Equal(new Dictionary<CellKey, long> { [a] = 3, [c] = 3 }, merged.Delta); // b summed to zero and is gone
    }

    [Fact]
    public void Corrections_merge_only_into_an_entry_never_offered()
    {
        var state = new EmployeeRecord { SentThrough = 0 };
        var key = new CellKey(Weeks[0], "office", Metric.Sessions);
        Outbox.Queue(state, new Dictionary<CellKey, long> { [key] = 1 });
        Outbox.Queue(state, new Dictionary<CellKey, long> { [key] = 1 });
        Assert.Equal([(1L, 2L)], state.Outbox.Select(e => (e.Sequence, e.Delta[key])));

        Assert.True(Outbox.Offer(state));
        Outbox.Queue(state, new Dictionary<CellKey, long> { [key] = 1 });
        Assert.Equal([(1L, 2L), (2L, 1L)], state.Outbox.Select(e => (e.Sequence, e.Delta[key])));

        // A correction that cancels the unoffered entry removes it.
        Outbox.Queue(state, new Dictionary<CellKey, long> { [key] = -1 });
        Assert.Equal([1L], state.Outbox.Select(e => e.Sequence));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Through_a_long_outage_the_outbox_stays_within_its_cap_and_the_shard_ends_exact(int seed)
    {
        var (shard, owed, largest) = Run(seed, naive: false);
        Assert.Equal(Sorted(owed), Sorted(shard.Counters));
        Assert.Equal(EmployeeRecord.MaxOutboxEntries, largest); // it did fill up, and merged from there
    }

    [Fact]
    public void Negative_control_merging_an_offered_entry_counts_again_what_the_shard_had_applied()
    {
        var (shard, owed, _) = Run(1, naive: true);
        Assert.NotEqual(Sorted(owed), Sorted(shard.Counters));
    }

    /// <summary>
    /// A person's corrections over a long outage. Each delivery attempt is lost on the way, or applied with
    /// its answer lost, as the grain call filter of a real outage could do; then the shard answers again.
    /// </summary>
    private static (ShardModel Shard, Dictionary<CellKey, long> Owed, int Largest) Run(int seed, bool naive)
    {
        var random = new Random(seed);
        var state = new EmployeeRecord { SentThrough = 0 };
        var shard = new ShardModel();
        var owed = new Dictionary<CellKey, long>();
        var largest = 0;
        for (var step = 0; step < 400; step++)
        {
            var delta = RandomDelta(random);
            if (delta.Count == 0)
            {
                continue;
            }

            foreach (var (key, value) in delta)
            {
                owed[key] = owed.GetValueOrDefault(key) + value;
            }

            if (naive && state.Outbox.Count >= EmployeeRecord.MaxOutboxEntries)
            {
                // What must not be done: merge an offered entry, even under the highest sequence.
                state.Outbox[^1] = new OutboxEntry(++state.LastSequence, Outbox.Merge(state.Outbox[^1], delta).Delta);
            }
            else
            {
                Outbox.Queue(state, delta);
            }

            if (!naive)
            {
                Outbox.Offer(state);
            }
            else
            {
                state.SentThrough = state.LastSequence;
            }

            largest = Math.Max(largest, state.Outbox.Count);
            Assert.InRange(state.Outbox.Count, 0, EmployeeRecord.MaxOutboxEntries);
            var outage = step is > 20 and < 300;
            var offered = Outbox.Offered(state);
            if (outage && random.Next(2) == 0)
            {
                continue; // lost before it reached the shard
            }

            var durable = shard.Apply(offered);
            if (!outage)
            {
                state.Outbox.RemoveAll(e => e.Sequence <= durable);
            }
        }

        for (var round = 0; round < 3; round++)
        {
            Outbox.Offer(state);
            var durable = shard.Apply(Outbox.Offered(state));
            state.Outbox.RemoveAll(e => e.Sequence <= durable);
        }

        Assert.Empty(state.Outbox);
        return (shard, owed, largest);
    }

    private static Dictionary<CellKey, long> RandomDelta(Random random)
    {
        var delta = new Dictionary<CellKey, long>();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var key = new CellKey(Weeks[random.Next(Weeks.Length)], random.Next(2) == 0 ? "office" : "plant", (Metric)random.Next(2, 8));
            delta[key] = delta.GetValueOrDefault(key) + random.Next(-2, 4);
        }

        return delta.Where(kv => kv.Value != 0).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    private static List<KeyValuePair<CellKey, long>> Sorted(Dictionary<CellKey, long> counters) =>
        [.. counters.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key.Week, StringComparer.Ordinal)
            .ThenBy(kv => kv.Key.Department, StringComparer.Ordinal).ThenBy(kv => kv.Key.Metric)];

    /// <summary>The shard's rule for one contributor: apply, in order, entries above the last sequence applied.</summary>
    private sealed class ShardModel
    {
        private long _applied;

        public Dictionary<CellKey, long> Counters { get; } = [];

        public long Apply(IReadOnlyList<OutboxEntry> entries)
        {
            foreach (var entry in entries.OrderBy(e => e.Sequence).Where(e => e.Sequence > _applied))
            {
                foreach (var (key, value) in entry.Delta)
                {
                    Counters[key] = Counters.GetValueOrDefault(key) + value;
                }

                _applied = entry.Sequence;
            }

            return _applied;
        }
    }
}
