namespace WellnessPlatform.Domain.Plans;

/// <summary>Reads pain check-ins against the person's baseline (their screening score).</summary>
public static class PainTrend
{
    /// <summary>
    /// Pain is rising when the latest check-ins up to a day are all raised (at least the margin above
    /// baseline) and there are at least the configured number of them in a row.
    /// </summary>
    /// <returns>Whether it is rising, and the index of the first check-in of the raised run (one episode).</returns>
    public static (bool Rising, int RunStart) IsRising(IReadOnlyList<PainPoint> checkIns, int? baseline, DateOnly asOf, PlanSettings plan)
    {
        if (baseline is not { } b)
        {
            return (false, -1);
        }

        var last = -1;
        for (var i = 0; i < checkIns.Count && checkIns[i].Day <= asOf; i++)
        {
            last = i;
        }

        var start = last + 1;
        while (start > 0 && checkIns[start - 1].Pain >= b + plan.PainRiseMargin)
        {
            start--;
        }

        var run = last - start + 1;
        return run >= plan.PainRiseConsecutive ? (true, start) : (false, -1);
    }

    public static bool HadRaisedPain(IReadOnlyList<PainPoint> checkIns, int? baseline, DateOnly from, DateOnly to, PlanSettings plan) =>
        baseline is { } b && checkIns.Any(c => c.Day >= from && c.Day <= to && c.Pain >= b + plan.PainRiseMargin);
}
