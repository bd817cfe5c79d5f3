using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Care;
using WellnessPlatform.Grains.Rights;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>The employee's data export to its API form.</summary>
internal static class ExportMapping
{
    public static EmployeeDataExportResponse ToResponse(this EmployeeDataExport x) => new(
        x.SchemaVersion, x.GeneratedAt, x.TenantId, x.EmployeeId, x.Employee?.ToResponse(), x.Invitation?.ToResponse(),
        [.. x.Incidents.Select(IncidentMapping.ToResponse)], x.Audit.ToResponses(), x.Notes);

    private static EmployeeRecordResponse ToResponse(this EmployeeExport e) => new(
        e.TimeZone, e.EnrolledOn,
        [.. e.Departments.Select(d => new DepartmentPeriodResponse(d.Department, d.From))],
        e.Plan.ToResponse(),
        e.Screening is { } s ? new ScreeningAnswersResponse(s.PainIntensity, s.WorkRelated, s.RecentInjury, WireEnum.Names(s.RedFlags)) : null,
        e.ScreeningOutcome?.ToResponse(), e.ScreenedAt, e.ClearedAt, e.ClearedBy,
        [.. e.Pauses.Select(EmployeeMapping.ToResponse)],
        [.. e.RestDays.Select(r => new RestDaysResponse(r.EffectiveFrom, r.Days))],
        e.RestrictedExercises, e.CaseWorkerConsent, e.Sessions.ToResponses(), e.CheckIns.ToResponses(), e.CompactedWeeks.ToResponses(),
        e.CompactedDaysDone, e.PhaseChanges.ToResponses(), e.ContributorToken,
        [.. e.EarlierDepartments.Select(f => new FoldedDepartmentResponse(f.Department, f.Periods))],
        new TrackView(CareTrack.Wellness, e.Tracks ?? []).ToResponse().Periods, e.Notifications?.ToResponse(), e.CalendarFeed);
}
