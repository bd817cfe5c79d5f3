namespace WellnessPlatform.Host.Api.Responses;

/// <summary>Today's routine, with the employer's incident and workers'-compensation links beside it.</summary>
public sealed record TodayResponse(TodayRoutineResponse Routine, TenantLinks Links);

/// <summary>
/// Today's exercises with exact instructions, or why there are none: <c>state</c> is "ready",
/// "doneToday", "needsScreening", "onHold" or "paused".
/// </summary>
public sealed record TodayRoutineResponse(
    DateOnly Day,
    string State,
    string Message,
    IReadOnlyList<ExerciseResponse> Exercises,
    IReadOnlyList<ExerciseResponse> Restricted,
    IReadOnlyList<ExerciseResponse> Avoid,
    int Phase,
    int WeeklyTarget,
    int DaysDoneThisWeek);
