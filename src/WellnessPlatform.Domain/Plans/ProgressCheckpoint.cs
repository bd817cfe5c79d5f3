namespace WellnessPlatform.Domain.Plans;

/// <summary>
/// Where a replay stood at the start of a week that no rule can reach back before any more. Replays
/// start here instead of at enrolment, which keeps their cost flat however long a person has been
/// on the plan, and lets the raw history before it be compacted away.
/// </summary>
/// <param name="Monday">First week the replay still has to judge.</param>
/// <param name="Phase">Phase in force that week.</param>
/// <param name="RunDays">Running streak, in days, at the start of that week.</param>
/// <param name="LongestDays">Longest streak so far, in days.</param>
/// <param name="Freezes">Earned freezes not yet used.</param>
/// <param name="AtTarget">Consecutive weeks at target counting toward the next phase.</param>
/// <param name="KeptWeeks">Consecutive kept weeks counting toward the next earned freeze.</param>
/// <param name="LastActedRiseStart">Absolute position of the first check-in of the last pain episode acted on; -1 if none.</param>
[GenerateSerializer, Immutable, Alias("wp.ProgressCheckpoint")]
public sealed record ProgressCheckpoint(
    [property: Id(0)] DateOnly Monday,
    [property: Id(1)] int Phase,
    [property: Id(2)] int RunDays,
    [property: Id(3)] int LongestDays,
    [property: Id(4)] int Freezes,
    [property: Id(5)] int AtTarget,
    [property: Id(6)] int KeptWeeks,
    [property: Id(7)] long LastActedRiseStart);
