namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// Address of one aggregate counter: ISO week ("" for counters that are not per week), department,
/// metric and bucket (the streak length for <see cref="Metric.StreakWeeks"/>, otherwise 0).
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.CellKey")]
public readonly record struct CellKey(
    [property: Id(0)] string Week,
    [property: Id(1)] string Department,
    [property: Id(2)] Metric Metric,
    [property: Id(3)] int Bucket = 0)
{
    /// <summary>Streak buckets stop here: "26 weeks or more".</summary>
    public const int MaxStreakBucket = 26;

    /// <summary>Counters that never become final: membership and current screening outcome.</summary>
    public bool IsStanding => Metric is Metric.Joined or Metric.Left or Metric.ScreenedHeld or Metric.ScreenedClear;
}
