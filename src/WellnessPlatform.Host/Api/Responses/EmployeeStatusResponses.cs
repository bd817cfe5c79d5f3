namespace WellnessPlatform.Host.Api.Responses;

/// <summary>The person's enrolment, screening, hold, pause, rest days (this week's, and the latest choice from next Monday), restrictions, consent and care track.</summary>
public sealed record EmployeeStatusResponse(
    string TimeZone,
    string Department,
    DateOnly EnrolledOn,
    ScreeningOutcomeResponse? Screening,
    DateTimeOffset? ScreenedAt,
    bool OnHold,
    DateTimeOffset? ClearedAt,
    PauseResponse? ActivePause,
    IReadOnlyList<DayOfWeek> RestDays,
    IReadOnlyList<string> RestrictedExercises,
    bool CaseWorkerConsent,
    IReadOnlyList<DayOfWeek> PlannedRestDays,
    TrackResponse Track);

/// <summary>A screening's result; <c>reasons</c> are "severePain", "redFlag" or "recentInjury".</summary>
public sealed record ScreeningOutcomeResponse(bool Held, IReadOnlyList<string> Reasons, bool SuggestIncidentReport, string Advice);

/// <summary>Days the routine is or was paused, inclusive; <c>kind</c> is "medical" or "screeningHold".</summary>
public sealed record PauseResponse(DateOnly From, DateOnly? Until, string Kind);
