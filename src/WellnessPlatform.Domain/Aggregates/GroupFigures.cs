namespace WellnessPlatform.Domain.Aggregates;

/// <summary>The raw figures of one group (a department, or the tenant) in one week, before anything is suppressed.</summary>
internal sealed class GroupFigures
{
    public int Enrolled { get; set; }

    /// <summary>Joins plus leaves up to and including the week: how many membership changes have happened.</summary>
    public long MembershipEvents { get; set; }

    public int Active { get; private set; }

    public int Met { get; private set; }

    public int Sessions { get; private set; }

    public long PainSum { get; private set; }

    public int PainCount { get; private set; }

    public long[] Streaks { get; } = new long[CellKey.MaxStreakBucket + 1];

    public static GroupFigures Sum(IEnumerable<GroupFigures> parts)
    {
        var total = new GroupFigures();
        foreach (var p in parts)
        {
            total.Enrolled += p.Enrolled;
            total.MembershipEvents += p.MembershipEvents;
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

    public void Apply(CellKey key, long value)
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
