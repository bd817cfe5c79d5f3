using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// Turns the tenant's counters into the employer's report. Work is proportional to weeks × departments,
/// never to the number of employees. Small groups are suppressed, and when a single department would
/// be hidden in a week, the next-smallest one is hidden as well so that it cannot be recovered by
/// subtracting the others from the total (complementary suppression).
/// </summary>
public static class AdherenceReportBuilder
{
    private static readonly (string Label, int From, int To)[] StreakBands =
        [("0", 0, 0), ("1", 1, 1), ("2-3", 2, 3), ("4-7", 4, 7), ("8-15", 8, 15), ("16+", 16, CellKey.MaxStreakBucket)];

    public static AdherenceReport Build(
        IReadOnlyDictionary<CellKey, long> counters,
        IReadOnlyList<string> departments,
        IReadOnlyList<DateOnly> mondays,
        PrivacyThresholds thresholds)
    {
        var depts = departments.Concat(counters.Keys.Select(k => k.Department).Where(d => !departments.Contains(d)).Distinct().Order()).ToList();
        var byDepartment = counters.GroupBy(kv => kv.Key.Department).ToDictionary(g => g.Key, g => g.ToList());
        var weeks = new List<AdherenceWeek>();
        Raw? lastTotal = null;
        foreach (var monday in mondays)
        {
            var week = LocalCalendar.IsoWeek(monday);
            var raw = depts.ToDictionary(d => d, d => Raw.For(byDepartment.GetValueOrDefault(d) ?? [], week));
            var total = Raw.Sum(raw.Values);
            lastTotal = total;
            weeks.Add(BuildWeek(week, raw, total, thresholds));
        }

        return new AdherenceReport(thresholds, depts, weeks, Screening(counters, thresholds), Distribution(lastTotal, thresholds));
    }

    private static AdherenceWeek BuildWeek(string week, Dictionary<string, Raw> raw, Raw total, PrivacyThresholds t)
    {
        var totalParticipationHidden = IsSmall(total.Enrolled, t.Participation);
        var participationHidden = raw.Where(kv => totalParticipationHidden || IsSmall(kv.Value.Enrolled, t.Participation)).Select(kv => kv.Key).ToHashSet();
        totalParticipationHidden |= Complement(raw, participationHidden, r => r.Enrolled);

        var totalHealthHidden = totalParticipationHidden || IsSmall(total.PainCount, t.Health);
        var healthHidden = raw.Where(kv => totalHealthHidden || participationHidden.Contains(kv.Key) || IsSmall(kv.Value.PainCount, t.Health))
            .Select(kv => kv.Key).ToHashSet();
        totalHealthHidden |= Complement(raw, healthHidden, r => r.PainCount);

        var cells = raw.ToDictionary(kv => kv.Key, kv => Cell(kv.Value, participationHidden.Contains(kv.Key), healthHidden.Contains(kv.Key), t));
        return new AdherenceWeek(week, Cell(total, totalParticipationHidden, totalHealthHidden, t), cells);
    }

    /// <summary>
    /// If exactly one non-empty group is hidden, hide the smallest visible non-empty group too; if there
    /// is none, the total would give the hidden one away, so report that the total must be hidden.
    /// </summary>
    private static bool Complement(Dictionary<string, Raw> raw, HashSet<string> hidden, Func<Raw, int> size)
    {
        var hiddenNonEmpty = raw.Count(kv => hidden.Contains(kv.Key) && size(kv.Value) > 0);
        if (hiddenNonEmpty != 1)
        {
            return false;
        }

        var partner = raw.Where(kv => !hidden.Contains(kv.Key) && size(kv.Value) > 0)
            .OrderBy(kv => size(kv.Value)).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key).FirstOrDefault();
        if (partner is null)
        {
            return true;
        }

        hidden.Add(partner);
        return false;
    }

    private static bool IsSmall(int people, int threshold) => people > 0 && people < threshold;

    private static AdherenceCell Cell(Raw r, bool participationHidden, bool healthHidden, PrivacyThresholds t)
    {
        if (participationHidden)
        {
            return new AdherenceCell(null, null, null, null, null, null, null, null, true, true);
        }

        double? share = r.Enrolled > 0 ? Math.Round((double)r.Met / r.Enrolled, 3, MidpointRounding.AwayFromZero) : null;
        double? perActive = r.Active > 0 ? Math.Round((double)r.Sessions / r.Active, 2, MidpointRounding.AwayFromZero) : null;
        int? median = r.Active >= t.Participation ? Median(r.Streaks) : null;
        double? pain = !healthHidden && r.PainCount > 0 ? Math.Round((double)r.PainSum / r.PainCount, 2, MidpointRounding.AwayFromZero) : null;
        return new AdherenceCell(r.Enrolled, r.Active, r.Met, share, r.Sessions, perActive, median, pain, false, healthHidden);
    }

    private static int? Median(long[] histogram)
    {
        var n = histogram.Sum();
        if (n == 0)
        {
            return null;
        }

        var middle = (n + 1) / 2;
        long seen = 0;
        for (var bucket = 0; bucket < histogram.Length; bucket++)
        {
            seen += histogram[bucket];
            if (seen >= middle)
            {
                return bucket;
            }
        }

        return CellKey.MaxStreakBucket;
    }

    private static ScreeningSummary Screening(IReadOnlyDictionary<CellKey, long> counters, PrivacyThresholds t)
    {
        var held = (int)counters.Where(kv => kv.Key.Metric == Metric.ScreenedHeld).Sum(kv => kv.Value);
        var clear = (int)counters.Where(kv => kv.Key.Metric == Metric.ScreenedClear).Sum(kv => kv.Value);
        var screened = held + clear;
        return IsSmall(screened, t.Health) ? new ScreeningSummary(null, null, true) : new ScreeningSummary(screened, held, false);
    }

    private static Dictionary<string, int>? Distribution(Raw? total, PrivacyThresholds t)
    {
        if (total is null || total.Active < t.Participation)
        {
            return null;
        }

        return StreakBands.ToDictionary(b => b.Label, b => (int)total.Streaks.Skip(b.From).Take(b.To - b.From + 1).Sum());
    }

    /// <summary>The raw figures of one group in one week, before suppression.</summary>
    private sealed class Raw
    {
        public int Enrolled { get; private set; }

        public int Active { get; private set; }

        public int Met { get; private set; }

        public int Sessions { get; private set; }

        public long PainSum { get; private set; }

        public int PainCount { get; private set; }

        public long[] Streaks { get; } = new long[CellKey.MaxStreakBucket + 1];

        public static Raw For(List<KeyValuePair<CellKey, long>> departmentCounters, string week)
        {
            var raw = new Raw();
            foreach (var (key, value) in departmentCounters)
            {
                // Membership is kept as joins and leaves; enrolment at a week is their running sum.
                if (key.Metric is Metric.Joined or Metric.Left && string.CompareOrdinal(key.Week, week) <= 0)
                {
                    raw.Enrolled += (int)(key.Metric == Metric.Joined ? value : -value);
                }
                else if (key.Week == week)
                {
                    raw.Apply(key, value);
                }
            }

            return raw;
        }

        public static Raw Sum(IEnumerable<Raw> parts)
        {
            var total = new Raw();
            foreach (var p in parts)
            {
                total.Enrolled += p.Enrolled;
                total.Active += p.Active;
                total.Met += p.Met;
                total.Sessions += p.Sessions;
                total.PainSum += p.PainSum;
                total.PainCount += p.PainCount;
                for (var i = 0; i < total.Streaks.Length; i++)
                {
                    total.Streaks[i] += p.Streaks[i];
                }
            }

            return total;
        }

        private void Apply(CellKey key, long value)
        {
            switch (key.Metric)
            {
                case Metric.Active: Active += (int)value; break;
                case Metric.MetTarget: Met += (int)value; break;
                case Metric.Sessions: Sessions += (int)value; break;
                case Metric.PainChangeSum: PainSum += value; break;
                case Metric.PainChangeCount: PainCount += (int)value; break;
                case Metric.StreakWeeks: Streaks[Math.Clamp(key.Bucket, 0, CellKey.MaxStreakBucket)] += value; break;
                default: break;
            }
        }
    }
}
