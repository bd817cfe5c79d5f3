namespace WellnessPlatform.Domain.Plans;

/// <summary>Where a person stands: phase, streaks, freezes, and the week-by-week record behind them.</summary>
/// <param name="Phase">Current phase (1-based).</param>
/// <param name="WeeklyTarget">Sessions per week the current phase asks for.</param>
/// <param name="CurrentStreakDays">Length of the running streak in days (a kept week counts seven).</param>
/// <param name="LongestStreakDays">Longest streak so far, in days.</param>
/// <param name="Unit">Unit the streak is shown in for the current phase.</param>
/// <param name="FreezesAvailable">Earned streak freezes not yet used.</param>
/// <param name="WeeksAtTarget">Consecutive weeks at target counting toward the next phase.</param>
/// <param name="WeeksToPromote">Further weeks at target needed to move up; 0 in the last phase.</param>
/// <param name="PainRising">Recent check-ins are raised above baseline: flag for follow-up.</param>
/// <param name="Weeks">Every week since enrolment, oldest first.</param>
/// <param name="PhaseChanges">Every promotion and step back, oldest first.</param>
[GenerateSerializer, Immutable, Alias("wp.ProgressReport")]
public sealed record ProgressReport(
    [property: Id(0)] int Phase,
    [property: Id(1)] int WeeklyTarget,
    [property: Id(2)] int CurrentStreakDays,
    [property: Id(3)] int LongestStreakDays,
    [property: Id(4)] StreakUnit Unit,
    [property: Id(5)] int FreezesAvailable,
    [property: Id(6)] int WeeksAtTarget,
    [property: Id(7)] int WeeksToPromote,
    [property: Id(8)] bool PainRising,
    [property: Id(9)] IReadOnlyList<WeekOutcome> Weeks,
    [property: Id(10)] IReadOnlyList<PhaseChange> PhaseChanges)
{
    /// <summary>The current streak in its display unit (whole weeks or days).</summary>
    public int CurrentStreak => Unit == StreakUnit.Days ? CurrentStreakDays : CurrentStreakDays / 7;

    /// <summary>The longest streak in the current display unit.</summary>
    public int LongestStreak => Unit == StreakUnit.Days ? LongestStreakDays : LongestStreakDays / 7;
}
