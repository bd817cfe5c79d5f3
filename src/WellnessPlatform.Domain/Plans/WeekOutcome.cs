namespace WellnessPlatform.Domain.Plans;

/// <summary>One week of the plan as the rules judged it.</summary>
/// <param name="Monday">First day of the ISO week, local.</param>
/// <param name="Phase">Phase in force that week (1-based).</param>
/// <param name="Target">Sessions (distinct days) the phase asks for.</param>
/// <param name="Required">Target scaled down for paused days and a partial first week.</param>
/// <param name="DaysDone">Distinct days with a session.</param>
/// <param name="Status">How the week ended.</param>
/// <param name="StreakDaysAtEnd">Length of the running streak, in days, at the end of the week (or today).</param>
[GenerateSerializer, Immutable, Alias("wp.WeekOutcome")]
public sealed record WeekOutcome(
    [property: Id(0)] DateOnly Monday,
    [property: Id(1)] int Phase,
    [property: Id(2)] int Target,
    [property: Id(3)] int Required,
    [property: Id(4)] int DaysDone,
    [property: Id(5)] WeekStatus Status,
    [property: Id(6)] int StreakDaysAtEnd);
