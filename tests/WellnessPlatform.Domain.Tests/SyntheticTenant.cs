using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Tests;

/// <summary>
/// A seeded tenant as counters, built person by person the way <see cref="Contribution"/> shapes them:
/// small departments, a single new joiner, a leaver, a department change. Activity is pseudo-random
/// with a fixed seed, so every run sees the same people.
/// </summary>
internal sealed class SyntheticTenant
{
    public static readonly DateOnly FirstMonday = new(2026, 3, 2);
    public const int Weeks = 12;

    private readonly List<Person> _people = [];

    public static IReadOnlyList<string> Departments { get; } = ["warehouse", "office", "drivers", "lab", "studio"];

    public static string Week(int index) => LocalCalendar.IsoWeek(FirstMonday.AddDays(7 * index));

    public static SyntheticTenant Seeded()
    {
        var tenant = new SyntheticTenant();
        var random = new Random(48);
        void Add(string name, int count, int from = 0) { for (var i = 0; i < count; i++) tenant._people.Add(new Person($"{name}-{i}", [(name, from)], null, false, random.Next())); }
        Add("warehouse", 9);
        Add("office", 6);
        Add("drivers", 4);
        Add("lab", 2);
        Add("studio", 1);
        tenant._people.Add(new Person("joiner", [("drivers", 6)], null, true, random.Next()));      // the one new enrollee, held at screening
        tenant._people.Add(new Person("late-joiner", [("warehouse", 9)], null, false, random.Next()));
        tenant._people.Add(new Person("leaver", [("office", 0)], 8, false, random.Next()));         // leaves the programme in week 8
        tenant._people.Add(new Person("mover", [("office", 0), ("lab", 7)], null, false, random.Next())); // office → lab in week 7
        return tenant;
    }

    /// <summary>The counters as they stand at the end of week <paramref name="asOf"/> (nothing later has happened yet).</summary>
    public Dictionary<CellKey, long> Counters(int asOf)
    {
        var c = new Dictionary<CellKey, long>();
        void Add(CellKey key, long value) { if (value != 0) c[key] = c.GetValueOrDefault(key) + value; }
        foreach (var p in _people.Where(p => p.Periods[0].From <= asOf))
        {
            var periods = p.Periods.Where(x => x.From <= asOf).ToList();
            for (var i = 0; i < periods.Count; i++)
            {
                Add(new CellKey(Week(periods[i].From), periods[i].Department, Metric.Joined), 1);
                if (i + 1 < periods.Count)
                {
                    Add(new CellKey(Week(periods[i + 1].From), periods[i].Department, Metric.Left), 1);
                }
            }

            if (p.LeavesAt is { } leaves && leaves <= asOf)
            {
                Add(new CellKey(Week(leaves), periods[^1].Department, Metric.Left), 1);
            }
            else
            {
                Add(new CellKey("", periods[^1].Department, p.Held ? Metric.ScreenedHeld : Metric.ScreenedClear), 1);
            }

            var random = new Random(p.Seed);
            var streak = 0;
            for (var w = periods[0].From; w <= asOf && (p.LeavesAt is null || w < p.LeavesAt); w++)
            {
                var dept = periods.Last(x => x.From <= w).Department;
                var sessions = p.Held ? 0 : random.Next(0, 6);
                streak = sessions >= 3 ? streak + 1 : 0;
                if (sessions > 0)
                {
                    Add(new CellKey(Week(w), dept, Metric.Active), 1);
                    Add(new CellKey(Week(w), dept, Metric.Sessions), sessions);
                    Add(new CellKey(Week(w), dept, Metric.StreakWeeks, streak), 1);
                }

                if (sessions >= 3)
                {
                    Add(new CellKey(Week(w), dept, Metric.MetTarget), 1);
                }

                if (random.Next(0, 3) > 0)
                {
                    Add(new CellKey(Week(w), dept, Metric.PainChangeSum), random.Next(-4, 3));
                    Add(new CellKey(Week(w), dept, Metric.PainChangeCount), 1);
                }
            }
        }

        return c;
    }

    private sealed record Person(string Id, (string Department, int From)[] Periods, int? LeavesAt, bool Held, int Seed);
}
