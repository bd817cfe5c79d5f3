using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// One person's share of the tenant counters, as a sparse vector. The employee grain sends only the
/// difference between what it has already contributed and what it contributes now, so any change
/// (a late entry, a broken streak, a department move) reaches the tenant as an exact correction and
/// the tenant never needs to know who sent it.
/// </summary>
public static class Contribution
{
    /// <summary>
    /// Weeks that ended more than this many days before today are final: late entries and pauses reach
    /// back at most a week (<see cref="PlanSettings.LateEntryDays"/> is capped at 7), so nothing can
    /// change them. The grain settles its contribution before it compacts, so a long gap between
    /// commits loses nothing either.
    /// </summary>
    public const int MutableWindowDays = 7;

    public static Dictionary<CellKey, long> Compute(ContributionInput input)
    {
        if (input.Departments.Count == 0)
        {
            return [];
        }

        // Sized once for the usual replay (a few open weeks, up to four cells each): growing it step by
        // step was the largest allocation of the rules in the ingest allocation profile. Capped, since a
        // replay without a checkpoint walks every week; it grows past that as it needs.
        var result = new Dictionary<CellKey, long>(Math.Min(64, (input.Departments.Count * 2) + 1 + (input.Progress.Weeks.Count * 4)));

        for (var i = 0; i < input.Departments.Count; i++)
        {
            var period = input.Departments[i];
            Add(result, new CellKey(LocalCalendar.IsoWeek(period.From), period.Department, Metric.Joined), 1);
            if (i + 1 < input.Departments.Count)
            {
                Add(result, new CellKey(LocalCalendar.IsoWeek(input.Departments[i + 1].From), period.Department, Metric.Left), 1);
            }
        }

        var current = input.Departments[^1].Department;
        var treatment = new TreatmentExclusion(input.Treatment ?? [], input.Today);
        if (input.ScreeningHeld is { } held)
        {
            Add(result, new CellKey(string.Empty, current, held ? Metric.ScreenedHeld : Metric.ScreenedClear), 1);
        }

        foreach (var week in input.Progress.Weeks)
        {
            if (treatment.Excludes(week.Monday))
            {
                continue;
            }

            var sessions = input.SessionsPerWeek.GetValueOrDefault(week.Monday);
            var dept = DepartmentOn(input.Departments, week.Monday.AddDays(6));
            var key = LocalCalendar.IsoWeek(week.Monday);
            if (week.DaysDone > 0 || sessions > 0)
            {
                Add(result, new CellKey(key, dept, Metric.Active), 1);
                Add(result, new CellKey(key, dept, Metric.Sessions), sessions);
                Add(result, new CellKey(key, dept, Metric.StreakWeeks, Math.Min(CellKey.MaxStreakBucket, treatment.StreakDays(week) / 7)), 1);
            }

            if (week.Status == WeekStatus.Met)
            {
                Add(result, new CellKey(key, dept, Metric.MetTarget), 1);
            }

            if (input.BaselinePain is { } baseline && LastCheckIn(input.CheckIns, week.Monday) is { } last)
            {
                Add(result, new CellKey(key, dept, Metric.PainChangeSum), last.Pain - baseline);
                Add(result, new CellKey(key, dept, Metric.PainChangeCount), 1);
            }
        }

        return result;
    }

    /// <summary>
    /// The share of someone leaving the programme on <paramref name="day"/> (a withdrawal or an erasure):
    /// what they contributed stays, and they leave their last department in that week, exactly as a
    /// move out would. The standing screening counts describe current members, so theirs is withdrawn.
    /// </summary>
    public static Dictionary<CellKey, long> Leave(IReadOnlyDictionary<CellKey, long> share, string department, DateOnly day)
    {
        var result = share.Where(kv => kv.Key.Metric is not (Metric.ScreenedHeld or Metric.ScreenedClear)).ToDictionary(kv => kv.Key, kv => kv.Value);
        Add(result, new CellKey(LocalCalendar.IsoWeek(day), department, Metric.Left), 1);
        return result;
    }

    /// <summary>
    /// The correction owed to the tenant: current minus already emitted, over the counters that can
    /// still change. Returns the delta and what to remember as emitted from now on (final weeks dropped).
    /// </summary>
    public static (Dictionary<CellKey, long> Delta, Dictionary<CellKey, long> Emitted) Diff(
        IReadOnlyDictionary<CellKey, long> emitted,
        IReadOnlyDictionary<CellKey, long> current,
        DateOnly finalBefore,
        DateOnly newFinalBefore)
    {
        var delta = new Dictionary<CellKey, long>();
        var openFrom = LocalCalendar.IsoWeek(finalBefore);
        foreach (var (key, value) in current)
        {
            if (IsOpen(key, openFrom, finalBefore))
            {
                var change = value - emitted.GetValueOrDefault(key);
                if (change != 0)
                {
                    delta[key] = change;
                }
            }
        }

        foreach (var (key, value) in emitted)
        {
            if (!current.ContainsKey(key) && value != 0)
            {
                delta[key] = -value;
            }
        }

        var keepFrom = LocalCalendar.IsoWeek(newFinalBefore);
        // Not sized by current.Count: this is what the record keeps as emitted, only the open weeks of a
        // share that may span years, and a capacity for all of it stayed allocated in every activation.
        var kept = new Dictionary<CellKey, long>();
        foreach (var (key, value) in current)
        {
            if (IsOpen(key, keepFrom, newFinalBefore))
            {
                kept[key] = value;
            }
        }

        return (delta, kept);
    }

    /// <summary>The first Monday still open to change, given today.</summary>
    public static DateOnly OpenFrom(DateOnly today) => LocalCalendar.WeekStart(today.AddDays(-MutableWindowDays));

    private static bool IsOpen(CellKey key, string openFromWeek, DateOnly openFrom) =>
        key.IsStanding || openFrom == DateOnly.MinValue || string.CompareOrdinal(key.Week, openFromWeek) >= 0;

    private static string DepartmentOn(IReadOnlyList<DepartmentPeriod> periods, DateOnly day)
    {
        var dept = periods[0].Department;
        foreach (var p in periods)
        {
            if (p.From <= day)
            {
                dept = p.Department;
            }
        }

        return dept;
    }

    private static PainPoint? LastCheckIn(IReadOnlyList<PainPoint> checkIns, DateOnly monday)
    {
        PainPoint? last = null;
        foreach (var c in checkIns)
        {
            if (c.Day >= monday && c.Day <= monday.AddDays(6))
            {
                last = c;
            }
        }

        return last;
    }

    private static void Add(Dictionary<CellKey, long> into, CellKey key, long value)
    {
        if (value != 0)
        {
            into[key] = into.GetValueOrDefault(key) + value;
        }
    }
}
