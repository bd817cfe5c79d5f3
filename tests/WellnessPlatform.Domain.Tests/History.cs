using WellnessPlatform.Domain.Plans;

namespace WellnessPlatform.Domain.Tests;

/// <summary>Builds progress inputs for tests: a history that starts on a Monday and is read on a given day.</summary>
internal sealed class History
{
    public static readonly DateOnly Monday1 = new(2026, 10, 5);

    private readonly HashSet<DateOnly> _sessions = [];
    private readonly List<PainPoint> _checkIns = [];
    private readonly List<PauseRange> _pauses = [];
    private readonly List<RestDayRule> _restDays = [];

    public DateOnly EnrolledOn { get; init; } = Monday1;

    public int? Baseline { get; init; } = 4;

    public PlanSettings Plan { get; init; } = PlanSettings.Default;

    public static DateOnly Week(int n, DayOfWeek day) => Monday1.AddDays((7 * (n - 1)) + (((int)day + 6) % 7));

    /// <summary>Sessions on the given weekdays of week n (1-based from <see cref="Monday1"/>).</summary>
    public History Sessions(int week, params DayOfWeek[] days)
    {
        foreach (var d in days)
        {
            _sessions.Add(Week(week, d));
        }

        return this;
    }

    public History EveryDay(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            _sessions.Add(d);
        }

        return this;
    }

    public History Without(DateOnly day)
    {
        _sessions.Remove(day);
        return this;
    }

    public History Pain(DateOnly day, int pain)
    {
        _checkIns.Add(new PainPoint(day, pain));
        return this;
    }

    public History Pause(DateOnly from, DateOnly? until, PauseKind kind = PauseKind.Medical)
    {
        _pauses.Add(new PauseRange(from, until, kind));
        return this;
    }

    public History Rest(DateOnly from, params DayOfWeek[] days)
    {
        _restDays.Add(new RestDayRule(from, days));
        return this;
    }

    public ProgressReport On(DateOnly today) =>
        ProgressEngine.Evaluate(new ProgressInput(EnrolledOn, today, _sessions, _checkIns, Baseline, _pauses, _restDays, Plan));

    /// <summary>
    /// Evaluates as an employee grain does after retention: replay closed up to <paramref name="checkpointMonday"/>,
    /// the raw days and check-ins before it dropped (a raised pain run straddling it kept whole).
    /// </summary>
    public ProgressReport OnAfterCompaction(DateOnly today, DateOnly checkpointMonday)
    {
        var (checkpoint, _, _) = ProgressEngine.Advance(new ProgressInput(EnrolledOn, today, _sessions, _checkIns, Baseline, _pauses, _restDays, Plan), checkpointMonday);
        var keepFrom = _checkIns.FindIndex(c => c.Day >= checkpointMonday);
        keepFrom = keepFrom < 0 ? _checkIns.Count : keepFrom;
        while (keepFrom > 0 && _checkIns[keepFrom - 1].Pain >= Baseline + Plan.PainRiseMargin)
        {
            keepFrom--;
        }

        var sessions = _sessions.Where(d => d >= checkpointMonday).ToHashSet();
        return ProgressEngine.Evaluate(new ProgressInput(EnrolledOn, today, sessions, _checkIns.Skip(keepFrom).ToList(), Baseline, _pauses, _restDays, Plan,
            checkpoint, keepFrom));
    }
}
