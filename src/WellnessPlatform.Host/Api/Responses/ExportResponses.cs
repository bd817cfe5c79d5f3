namespace WellnessPlatform.Host.Api.Responses;

/// <summary>
/// Everything held about one employee, as one JSON document (docs/privacy.md, "Employee rights").
/// <c>schemaVersion</c> rises whenever a field changes meaning or is removed.
/// </summary>
public sealed record EmployeeDataExportResponse(
    int SchemaVersion,
    DateTimeOffset GeneratedAt,
    string TenantId,
    string EmployeeId,
    EmployeeRecordResponse? Employee,
    InvitationResponse? Invitation,
    IReadOnlyList<IncidentCaseResponse> Incidents,
    IReadOnlyList<AuditEntryResponse> Audit,
    IReadOnlyDictionary<string, string> Notes);

/// <summary>The routine record of one person, field by field as it is kept (the export's "employee" part).</summary>
public sealed record EmployeeRecordResponse(
    string TimeZone,
    DateOnly EnrolledOn,
    IReadOnlyList<DepartmentPeriodResponse> Departments,
    PlanSettingsResponse Plan,
    ScreeningAnswersResponse? Screening,
    ScreeningOutcomeResponse? ScreeningOutcome,
    DateTimeOffset? ScreenedAt,
    DateTimeOffset? ClearedAt,
    string? ClearedBy,
    IReadOnlyList<PauseResponse> Pauses,
    IReadOnlyList<RestDaysResponse> RestDays,
    IReadOnlyList<string> RestrictedExercises,
    bool CaseWorkerConsent,
    IReadOnlyList<SessionResponse> Sessions,
    IReadOnlyList<PainCheckInResponse> CheckIns,
    IReadOnlyList<WeekSummaryResponse> CompactedWeeks,
    IReadOnlyList<DateOnly> CompactedDaysDone,
    IReadOnlyList<PhaseChangeResponse> PhaseChanges,
    Guid ContributorToken,
    IReadOnlyList<FoldedDepartmentResponse> EarlierDepartments,
    IReadOnlyList<TrackPeriodResponse> Tracks,
    NotificationSettingsResponse? Notifications,
    bool CalendarFeed);

/// <summary>A department the person belonged to from a local day on.</summary>
public sealed record DepartmentPeriodResponse(string Department, DateOnly From);

/// <summary>The screening answers; red flags are camelCase names ("legNumbnessOrWeakness", ...).</summary>
public sealed record ScreeningAnswersResponse(int PainIntensity, bool WorkRelated, bool RecentInjury, IReadOnlyList<string> RedFlags);

/// <summary>Weekdays planned as rest from a given day on.</summary>
public sealed record RestDaysResponse(DateOnly EffectiveFrom, IReadOnlyList<DayOfWeek> Days);

/// <summary>Older department periods, folded: how often the person was in the department.</summary>
public sealed record FoldedDepartmentResponse(string Department, int Periods);
