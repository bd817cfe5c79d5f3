using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Testing.Privacy;

/// <summary>
/// A deliberately weak release, for the control: exact current figures, each small group hidden on its
/// own (no complementary cells, no pooling of membership changes, no gating of standing counts). The
/// attacker must recover something from it, or the attack proves nothing.
/// </summary>
public static class NaiveRelease
{
    public static Release From(IReadOnlyDictionary<CellKey, long> c, IReadOnlyList<string> weeks, IReadOnlyList<string> departments,
        int k, int kHealth, string source, int askedAt)
    {
        var figures = new List<ReleasedFigure>();
        foreach (var week in weeks)
        {
            foreach (var group in departments.Prepend(""))
            {
                var enrolled = CounterTruth.Enrolled(c, week, group);
                var hidden = enrolled > 0 && enrolled < k;
                double Sum(Metric m) => c.Where(kv => kv.Key.Week == week && kv.Key.Metric == m && (group.Length == 0 || kv.Key.Department == group)).Sum(kv => kv.Value);
                var painCount = Sum(Metric.PainChangeCount);
                figures.Add(new ReleasedFigure(week, group, "enrolled", hidden ? null : enrolled));
                figures.Add(new ReleasedFigure(week, group, "active", hidden ? null : Sum(Metric.Active)));
                figures.Add(new ReleasedFigure(week, group, "meetingTarget", hidden ? null : Sum(Metric.MetTarget)));
                figures.Add(new ReleasedFigure(week, group, "sessions", hidden ? null : Sum(Metric.Sessions)));
                figures.Add(new ReleasedFigure(week, group, "averagePainChange",
                    hidden || painCount < kHealth && painCount > 0 || painCount == 0 ? null : Math.Round(Sum(Metric.PainChangeSum) / painCount, 2)));
            }
        }

        var screening = ScreeningCounts.From(c);
        figures.Add(new ReleasedFigure("", "screening", "screened", screening.Screened));
        figures.Add(new ReleasedFigure("", "screening", "held", screening.Held));
        return new Release(source, askedAt, figures);
    }
}
