using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;

namespace WellnessPlatform.Contracts.Employees;

/// <summary>
/// The person's enrolment, screening and pauses: what decides whether they may exercise today.
/// <paramref name="RestDays"/> are this week's; <paramref name="PlannedRestDays"/> the latest choice, from next Monday when it changed;
/// <paramref name="Track"/> wellness or clinician-directed (the person and their case workers only).
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.EmployeeStatus")]
public sealed record EmployeeStatus(
    [property: Id(0)] string TimeZone,
    [property: Id(1)] string Department,
    [property: Id(2)] DateOnly EnrolledOn,
    [property: Id(3)] ScreeningOutcome? Screening,
    [property: Id(4)] DateTimeOffset? ScreenedAt,
    [property: Id(5)] bool OnHold,
    [property: Id(6)] DateTimeOffset? ClearedAt,
    [property: Id(7)] PauseRange? ActivePause,
    [property: Id(8)] IReadOnlyList<DayOfWeek> RestDays,
    [property: Id(9)] IReadOnlyList<string> RestrictedExercises,
    [property: Id(10)] bool CaseWorkerConsent,
    [property: Id(11)] IReadOnlyList<DayOfWeek>? PlannedRestDays = null,
    [property: Id(12)] TrackView? Track = null);
