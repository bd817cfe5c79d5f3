using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Domain.Employees;

/// <summary>
/// Pain scores live in two places: check-ins, and the before/after scores a session carries (kept on
/// the session rather than as two more records, which keeps an activation small). This merges them
/// into one deterministic sequence: the order the progress rules count pain episodes in.
/// </summary>
internal static class PainLog
{
    public static List<Entry> Merge(IReadOnlyList<SessionRecord> sessions, IReadOnlyList<PainRecord> checkIns)
    {
        var entries = new List<Entry>(checkIns.Count + (2 * sessions.Count));
        foreach (var c in checkIns)
        {
            entries.Add(new Entry(c.Day, c.At, c.Pain, 0, null, c));
        }

        foreach (var s in sessions)
        {
            if (s.PainBefore is { } before)
            {
                entries.Add(new Entry(s.Day, s.RecordedAt, before, 1, s, null));
            }

            if (s.PainAfter is { } after)
            {
                entries.Add(new Entry(s.Day, s.RecordedAt, after, 2, s, null));
            }
        }

        entries.Sort(static (a, b) =>
        {
            var byDay = a.Day.CompareTo(b.Day);
            if (byDay != 0)
            {
                return byDay;
            }

            var byTime = a.At.CompareTo(b.At);
            return byTime != 0 ? byTime
                : a.Order != b.Order ? a.Order.CompareTo(b.Order)
                : string.CompareOrdinal(a.Id, b.Id);
        });
        return entries;
    }

    public static List<PainPoint> Points(List<Entry> entries) => entries.ConvertAll(e => new PainPoint(e.Day, e.Pain));

    public static List<PainRecord> Records(List<Entry> entries) => entries.ConvertAll(e => e.ToRecord());

    /// <summary>One pain score and where it is kept.</summary>
    /// <param name="Order">0 for a check-in, 1 before a session, 2 after it: ties on time keep this order.</param>
    internal readonly record struct Entry(DateOnly Day, DateTimeOffset At, int Pain, int Order, SessionRecord? Session, PainRecord? CheckIn)
    {
        public string Id => CheckIn?.ClientCheckInId ?? $"{Session!.ClientSessionId}:{(Order == 1 ? "before" : "after")}";

        public PainRecord ToRecord() => CheckIn ?? new PainRecord(Id, Day, At, Pain, Order == 1 ? PainContext.BeforeSession : PainContext.AfterSession);
    }
}
