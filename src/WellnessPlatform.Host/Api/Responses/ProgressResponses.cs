namespace WellnessPlatform.Host.Api.Responses;

/// <summary>Streaks, phase and what it takes to move up, with the recent record and older weeks' summaries.</summary>
public sealed record ProgressResponse(
    DateOnly Today,
    ProgressReportResponse Report,
    int PhaseCount,
    int? NextPhaseTarget,
    int DaysDoneThisWeek,
    IReadOnlyList<DateOnly> SessionDays,
    IReadOnlyList<PainCheckInResponse> PainTrend,
    int? BaselinePain,
    IReadOnlyList<WeekSummaryResponse> EarlierWeeks,
    IReadOnlyList<PhaseChangeResponse> EarlierPhaseChanges);

/// <summary>
/// Phase, streaks (in days, and in <c>unit</c>: "weeks" or "days"), freezes and the week-by-week
/// record behind them.
/// </summary>
public sealed record ProgressReportResponse(
    int Phase,
    int WeeklyTarget,
    int CurrentStreakDays,
    int LongestStreakDays,
    string Unit,
    int FreezesAvailable,
    int WeeksAtTarget,
    int WeeksToPromote,
    bool PainRising,
    IReadOnlyList<WeekOutcomeResponse> Weeks,
    IReadOnlyList<PhaseChangeResponse> PhaseChanges,
    int CurrentStreak,
    int LongestStreak);

/// <summary>One week as the rules judged it; <c>status</c> is "met", "frozen", "missed" or "inProgress".</summary>
public sealed record WeekOutcomeResponse(DateOnly Monday, int Phase, int Target, int Required, int DaysDone, string Status, int StreakDaysAtEnd);

/// <summary>One compacted week, kept once its raw records are gone; <c>status</c> as in <see cref="WeekOutcomeResponse"/>.</summary>
public sealed record WeekSummaryResponse(DateOnly Monday, int Phase, int Target, int Required, int DaysDone, string Status, int Sessions, int? LastPain);

/// <summary>A move between phases, effective from the Monday given.</summary>
public sealed record PhaseChangeResponse(DateOnly EffectiveFrom, int FromPhase, int ToPhase, string Reason);

/// <summary>What a case worker may see of a consenting person's pain: check-ins, baseline and the rising flag.</summary>
public sealed record PainTrendResponse(IReadOnlyList<PainCheckInResponse> CheckIns, int? BaselinePain, bool PainRising);
