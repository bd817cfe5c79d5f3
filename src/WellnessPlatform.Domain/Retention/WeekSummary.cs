using WellnessPlatform.Domain.Plans;

namespace WellnessPlatform.Domain.Retention;

/// <summary>One compacted week: what the product still shows and exports once the raw records are gone.</summary>
/// <param name="Monday">First day of the ISO week, local.</param>
/// <param name="Phase">Phase in force that week.</param>
/// <param name="Target">Sessions (distinct days) the phase asked for.</param>
/// <param name="Required">Target scaled for paused days or a partial first week.</param>
/// <param name="DaysDone">Distinct days with a session.</param>
/// <param name="Status">How the week ended.</param>
/// <param name="Sessions">Sessions logged (a day may hold more than one).</param>
/// <param name="LastPain">The week's last pain check-in, if any.</param>
[GenerateSerializer, Immutable, Alias("wp.WeekSummary")]
public sealed record WeekSummary(
    [property: Id(0)] DateOnly Monday,
    [property: Id(1)] int Phase,
    [property: Id(2)] int Target,
    [property: Id(3)] int Required,
    [property: Id(4)] int DaysDone,
    [property: Id(5)] WeekStatus Status,
    [property: Id(6)] int Sessions,
    [property: Id(7)] int? LastPain);
