using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// Turns the tenant's counters into released weeks. Work is proportional to weeks × departments, never
/// to the number of employees. The rules (docs/privacy.md):
/// <list type="bullet">
/// <item>primary suppression: a group of 1 to k − 1 people shows nothing (participation k, health k_h);</item>
/// <item>complementary suppression in every row: the hidden cells of a week together hold zero or at
/// least k people, else more cells (or the total) are hidden, separately for participation, activity
/// (sessions, per-active figures) and health;</item>
/// <item>enrolment moves only in steps that pool at least k membership changes (<see cref="MembershipPool"/>);</item>
/// <item>rates need a denominator of at least k; the streak distribution comes in bands of at least k.</item>
/// </list>
/// </summary>
public static class AdherenceReportBuilder
{
    /// <summary>
    /// Releases the given weeks in order from nothing (no earlier releases). The tenant grain instead
    /// releases each week once and keeps it; this is the same computation for tests and tools.
    /// </summary>
    public static AdherenceReport Build(
        IReadOnlyDictionary<CellKey, long> counters,
        IReadOnlyList<string> departments,
        IReadOnlyList<DateOnly> mondays,
        PrivacyThresholds thresholds)
    {
        var pool = new MembershipPool();
        var index = new CounterIndex(counters);
        var weeks = mondays.Select(m => ReleaseWeek(index, LocalCalendar.IsoWeek(m), thresholds, pool, ExactRates.Instance)).ToList();
        var screening = ScreeningCounts.Summary(ScreeningCounts.Next(ScreeningCounts.From(counters), null, thresholds.Health), thresholds.Health);
        return Report(thresholds, departments, index.Departments, weeks, screening, null);
    }

    /// <summary>The report around already released weeks, departments in the tenant's order then any others.</summary>
    public static AdherenceReport Report(PrivacyThresholds thresholds, IReadOnlyList<string> departments, IEnumerable<string> seen,
        IReadOnlyList<AdherenceWeek> weeks, ScreeningSummary screening, PrivacyBudgetStatus? differentialPrivacy)
    {
        var depts = departments.Concat(seen.Concat(weeks.SelectMany(w => w.Departments.Keys)).Where(d => !departments.Contains(d)).Distinct().Order(StringComparer.Ordinal)).ToList();
        return new AdherenceReport(thresholds, depts, weeks, screening, weeks.Count > 0 ? weeks[^1].StreakBands : null, differentialPrivacy);
    }

    /// <summary>Releases one ISO week. Call once per week, in week order, with the same pool.</summary>
    public static AdherenceWeek ReleaseWeek(CounterIndex counters, string week, PrivacyThresholds t, MembershipPool pool, IRatePublisher rates)
    {
        var raw = counters.Departments.ToDictionary(d => d, d => counters.Figures(d, week));
        var published = raw.ToDictionary(kv => kv.Key, kv => pool.Release(kv.Key, kv.Value.Enrolled, kv.Value.MembershipEvents, t.Participation));
        var total = GroupFigures.Sum(raw.Values);
        var totalPublished = published.Values.Sum();

        // Participation: a group is as small as the smaller of its true and its published enrolment.
        var hideTotal = IsHidden(total.Enrolled, totalPublished, t.Participation);
        var participation = raw.Keys.Where(d => hideTotal || IsHidden(raw[d].Enrolled, published[d], t.Participation)).ToHashSet();
        hideTotal |= RowSuppression.Protect(raw.ToDictionary(kv => kv.Key, kv => (long)kv.Value.Enrolled), participation, t.Participation);
        var healthPrimary = new HashSet<string>(participation);

        var (activity, hideTotalActivity) = Layer(raw, participation, hideTotal, total.Active, r => r.Active, t.Participation);

        // Health figures also need a published enrolment of k_h: pain for more people than the published
        // enrolment would show that someone joined before the enrolment moved.
        foreach (var d in raw.Keys.Where(d => raw[d].PainCount > 0 && published[d] < t.Health))
        {
            healthPrimary.Add(d);
        }

        var (health, hideTotalHealth) = Layer(raw, healthPrimary, hideTotal || (total.PainCount > 0 && totalPublished < t.Health),
            total.PainCount, r => r.PainCount, t.Health);

        var cells = raw.Where(kv => kv.Value.Enrolled != 0 || published[kv.Key] != 0 || kv.Value.Active != 0)
            .ToDictionary(kv => kv.Key, kv => Cell(week, kv.Key, kv.Value, published[kv.Key],
                participation.Contains(kv.Key), activity.Contains(kv.Key), health.Contains(kv.Key), rates));
        var totalCell = Cell(week, "", total, totalPublished, hideTotal, hideTotalActivity, hideTotalHealth, rates);
        var bands = hideTotalActivity ? null : StreakBands.Release(total.Streaks, total.Active, t.Participation);
        return new AdherenceWeek(week, totalCell, cells, bands);
    }

    /// <summary>A layer under participation: its own small groups, plus everything participation hid, protected in the row.</summary>
    private static (HashSet<string> Hidden, bool HideTotal) Layer(Dictionary<string, GroupFigures> raw, HashSet<string> participation,
        bool participationTotalHidden, int totalSize, Func<GroupFigures, int> size, int k)
    {
        var hideTotal = participationTotalHidden || IsSmall(totalSize, k);
        var hidden = raw.Keys.Where(d => hideTotal || participation.Contains(d) || IsSmall(size(raw[d]), k)).ToHashSet();
        if (!hideTotal)
        {
            hideTotal = RowSuppression.Protect(raw.ToDictionary(kv => kv.Key, kv => (long)size(kv.Value)), hidden, k);
        }

        return (hidden, hideTotal);
    }

    private static bool IsSmall(int people, int threshold) => people > 0 && people < threshold;

    private static bool IsHidden(int enrolled, int published, int k) =>
        (enrolled != 0 || published != 0) && Math.Min(enrolled, published) < k;

    private static AdherenceCell Cell(string week, string group, GroupFigures r, int enrolled, bool participationHidden,
        bool activityHidden, bool healthHidden, IRatePublisher rates)
    {
        if (participationHidden)
        {
            return new AdherenceCell(null, null, null, null, null, null, null, null, true, true, true);
        }

        // The pooled enrolment can lag behind the people active this week (it moves only in steps of k
        // joins or leaves). Shown as they are, the figures would say more people exercised than are
        // enrolled, or a share above 100 %. Active and meeting target are shown at most the enrolment:
        // a function of figures already published, so it tells nothing new.
        var active = Math.Min(r.Active, enrolled);
        var met = Math.Min(r.Met, active);
        var share = rates.Release(new RateRequest(week, group, RateKind.ShareMeetingTarget, met, enrolled));
        var pain = healthHidden || r.PainCount == 0
            ? new RateResult(null, false, false)
            : rates.Release(new RateRequest(week, group, RateKind.AveragePainChange, r.PainSum, r.PainCount));
        double? perActive = !activityHidden && r.Active > 0 ? Math.Round((double)r.Sessions / r.Active, 2, MidpointRounding.AwayFromZero) : null;
        int? median = !activityHidden && r.Active > 0 ? Median(r.Streaks) : null;
        return new AdherenceCell(enrolled, active, rates.HidesNumerators ? null : met, share.Value,
            activityHidden ? null : r.Sessions, perActive, median, pain.Value, false, healthHidden, activityHidden,
            share.Noised || pain.Noised, share.Withheld || pain.Withheld);
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
}
