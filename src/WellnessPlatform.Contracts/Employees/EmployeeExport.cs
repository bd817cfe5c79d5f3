using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Retention;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Contracts.Employees;

/// <summary>Everything the employee grain stores about one person, as it is stored (the export's "employee" part).</summary>
/// <param name="Departments">Department history, oldest first.</param>
/// <param name="ClearedBy">The case worker who recorded clearance to exercise.</param>
/// <param name="Pauses">Medical pauses and screening holds.</param>
/// <param name="Sessions">Raw sessions not yet compacted, oldest first.</param>
/// <param name="CheckIns">Pain check-ins not yet compacted, including those given with sessions, oldest first.</param>
/// <param name="CompactedWeeks">Weeks older than the raw-retention period, as weekly summaries.</param>
/// <param name="CompactedDaysDone">Days with a session within the compacted weeks.</param>
/// <param name="PhaseChanges">Phase moves within the compacted weeks.</param>
/// <param name="ContributorToken">The random token the tenant's counters know this person by; it keys anonymous counters only.</param>
/// <param name="EarlierDepartments">Older department periods, folded once the weeks they ended in were released: how often the person was in each.</param>
/// <param name="Tracks">Stretches on the clinician-directed track: the case, who directed it, who moved the person, the treatment tally.</param>
/// <param name="Notifications">The email choices (address, times, quiet hours, zone, nudge, care notices); never the unsubscribe secret. Null from an older silo.</param>
/// <param name="CalendarFeed">Whether a calendar feed address is issued; never its secret.</param>
[GenerateSerializer, Immutable, Alias("wp.EmployeeExport")]
public sealed record EmployeeExport(
    [property: Id(0)] string TimeZone,
    [property: Id(1)] DateOnly EnrolledOn,
    [property: Id(2)] IReadOnlyList<DepartmentPeriod> Departments,
    [property: Id(3)] PlanSettings Plan,
    [property: Id(4)] ScreeningAnswers? Screening,
    [property: Id(5)] ScreeningOutcome? ScreeningOutcome,
    [property: Id(6)] DateTimeOffset? ScreenedAt,
    [property: Id(7)] DateTimeOffset? ClearedAt,
    [property: Id(8)] string? ClearedBy,
    [property: Id(9)] IReadOnlyList<PauseRange> Pauses,
    [property: Id(10)] IReadOnlyList<RestDayRule> RestDays,
    [property: Id(11)] IReadOnlyList<string> RestrictedExercises,
    [property: Id(12)] bool CaseWorkerConsent,
    [property: Id(13)] IReadOnlyList<SessionRecord> Sessions,
    [property: Id(14)] IReadOnlyList<PainRecord> CheckIns,
    [property: Id(15)] IReadOnlyList<WeekSummary> CompactedWeeks,
    [property: Id(16)] IReadOnlyList<DateOnly> CompactedDaysDone,
    [property: Id(17)] IReadOnlyList<PhaseChange> PhaseChanges,
    [property: Id(18)] Guid ContributorToken,
    [property: Id(19)] IReadOnlyList<FoldedMembership> EarlierDepartments,
    [property: Id(20)] IReadOnlyList<TrackPeriod>? Tracks = null,
    [property: Id(21)] NotificationSettingsView? Notifications = null,
    [property: Id(22)] bool CalendarFeed = false);
