using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Retention;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Contracts.Employees;

/// <summary>
/// Streaks, phase and what it takes to move up, with the recent record behind them. Weeks older than the
/// raw-retention period come as summaries (<see cref="EarlierWeeks"/>), the report holds the rest.
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.ProgressView")]
public sealed record ProgressView(
    [property: Id(0)] DateOnly Today,
    [property: Id(1)] ProgressReport Report,
    [property: Id(2)] int PhaseCount,
    [property: Id(3)] int? NextPhaseTarget,
    [property: Id(4)] int DaysDoneThisWeek,
    [property: Id(5)] IReadOnlyList<DateOnly> SessionDays,
    [property: Id(6)] IReadOnlyList<PainRecord> PainTrend,
    [property: Id(7)] int? BaselinePain,
    [property: Id(8)] IReadOnlyList<WeekSummary> EarlierWeeks,
    [property: Id(9)] IReadOnlyList<PhaseChange> EarlierPhaseChanges);
