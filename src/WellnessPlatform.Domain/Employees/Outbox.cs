using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Domain.Employees;

/// <summary>
/// Keeps the outbox bounded while the shard is unreachable without risking a double count. The shard
/// applies an entry only if its sequence is above the last one it applied for this contributor, and
/// applies a call's entries in order; an offer whose answer was lost may still have been applied. So an
/// entry once offered is never changed: merging it into a later one could apply its part twice. An
/// entry never offered cannot have been applied, so later corrections are summed into it freely, and it
/// keeps its own sequence, the highest of what it replaces. <see cref="EmployeeRecord.SentThrough"/> is
/// stored before any offer and divides the two. When offering would leave no room for another entry,
/// the newest is held back, and corrections merge into it until the shard confirms older ones.
/// </summary>
public static class Outbox
{
    /// <summary>
    /// Counters all entries may hold together before new activity is refused (counters_unreachable): an
    /// entry held back keeps collecting a few counters per active week, so this stops growth over an
    /// outage of years (1024 counters are about three years of weekly activity) at about 100 KB.
    /// </summary>
    public const int MaxCounters = 1024;

    public static long SentThrough(EmployeeRecord record) => record.SentThrough ?? record.LastSequence;

    /// <summary>Adds a correction: summed into the newest entry if it was never offered, otherwise as a new entry.</summary>
    public static void Queue(EmployeeRecord record, IReadOnlyDictionary<CellKey, long> delta)
    {
        if (record.Outbox.Count > 0 && record.Outbox[^1].Sequence > SentThrough(record))
        {
            var merged = Merge(record.Outbox[^1], delta);
            if (merged.Delta.Count == 0)
            {
                record.Outbox.RemoveAt(record.Outbox.Count - 1);
            }
            else
            {
                record.Outbox[^1] = merged;
            }

            return;
        }

        record.Outbox.Add(new OutboxEntry(++record.LastSequence, delta));
    }

    /// <summary>One entry doing what the entry and then the delta would: summed per counter, zeros dropped, under the entry's sequence.</summary>
    public static OutboxEntry Merge(OutboxEntry entry, IReadOnlyDictionary<CellKey, long> delta)
    {
        var sum = new Dictionary<CellKey, long>(entry.Delta);
        foreach (var (key, change) in delta)
        {
            var value = sum.GetValueOrDefault(key) + change;
            if (value == 0)
            {
                sum.Remove(key);
            }
            else
            {
                sum[key] = value;
            }
        }

        return entry with { Delta = sum };
    }

    /// <summary>
    /// Marks every entry offered, unless none is new or the outbox could then not take another entry.
    /// True when the mark changed: it must be stored before anything is offered.
    /// </summary>
    public static bool Offer(EmployeeRecord record)
    {
        if (record.Outbox.Count == 0 || record.Outbox[^1].Sequence <= SentThrough(record) || record.Outbox.Count >= EmployeeRecord.MaxOutboxEntries)
        {
            return false;
        }

        record.SentThrough = record.Outbox[^1].Sequence;
        return true;
    }

    /// <summary>The entries that may be sent: those marked offered.</summary>
    public static List<OutboxEntry> Offered(EmployeeRecord record)
    {
        var through = SentThrough(record);
        return record.Outbox.FindAll(e => e.Sequence <= through);
    }

    /// <summary>Every entry is offered and no further one fits: the shard has confirmed nothing for a long time.</summary>
    public static bool IsFull(EmployeeRecord record) =>
        record.Outbox.Sum(e => e.Delta.Count) >= MaxCounters
        || (record.Outbox.Count >= EmployeeRecord.MaxOutboxEntries && record.Outbox[^1].Sequence <= SentThrough(record));
}
