namespace WellnessPlatform.Host.Api.Responses;

/// <summary>A logged session and the streak it leaves; <c>duplicate</c> is true for a retry.</summary>
public sealed record SessionReceiptResponse(
    SessionResponse Session,
    bool Duplicate,
    int CurrentStreak,
    int LongestStreak,
    string StreakUnit,
    int DaysDoneThisWeek,
    int WeeklyTarget);

/// <summary>A session as recorded, with the pain scores given before and after it, if any.</summary>
public sealed record SessionResponse(
    string ClientSessionId,
    DateOnly Day,
    DateTimeOffset RecordedAt,
    IReadOnlyList<LoggedExerciseResponse> Exercises,
    bool AsPrescribed,
    int? PainBefore,
    int? PainAfter);

/// <summary>One exercise as done; <c>side</c> is "left", "right" or "both" for sided exercises, else null.</summary>
public sealed record LoggedExerciseResponse(string ExerciseId, int Reps, int HoldSeconds, string? Side);

/// <summary>A pain check-in; <c>context</c> is "daily", "beforeSession" or "afterSession".</summary>
public sealed record PainCheckInResponse(string ClientCheckInId, DateOnly Day, DateTimeOffset At, int Pain, string Context);
