using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Tenants;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Employees;

/// <summary>Joining, importing a history from another system, and moving between the tenant's departments.</summary>
public sealed partial class EmployeeRecord
{
    public TimeZoneInfo Zone => LocalCalendar.ZoneOrUtc(TimeZone);

    public DateOnly TodayAt(DateTimeOffset now) => LocalCalendar.LocalDay(now, Zone);

    /// <summary>
    /// Whether moving to the department (in the given zone, or the person's) needs the tenant's last
    /// released week: only at the cap of dated periods, to fold those the tenant has released.
    /// </summary>
    public bool NeedsReleasedWeek(string department, DateTimeOffset now, string? timeZone = null) =>
        Enrolled && Departments[^1].Department != department
        && !EmployeeEnrolment.HasRoom(this, timeZone is null ? TodayAt(now) : LocalDayIn(timeZone, now));

    /// <summary>Enrols; enrolling again updates the profile, and a new zone or department applies from today on.</summary>
    public Decision Enrol(EmployeeProfile profile, TenantConfig? config, string? releasedThrough, DateTimeOffset now)
    {
        if (config is null)
        {
            return Refusal.TenantNotFound;
        }

        var errors = EmployeeRules.Profile(profile.TimeZone, profile.Department, profile.RestDays, config.Departments);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        var start = LocalDayIn(profile.TimeZone, now);
        if (!Enrolled)
        {
            EmployeeEnrolment.Start(this, profile, config, start);
            return Decision.Change with { Reschedule = true };
        }

        var moving = Departments[^1].Department != profile.Department;
        if (moving && !EmployeeEnrolment.HasRoom(this, start) && !EmployeeEnrolment.FoldForMove(this, start, releasedThrough))
        {
            return Refusal.TooManyMoves;
        }

        var zoneChanged = TimeZone != profile.TimeZone;
        TimeZone = profile.TimeZone;
        var today = TodayAt(now);
        if (moving)
        {
            Departments.RemoveAll(d => d.From == today);
            Departments.Add(new DepartmentPeriod(profile.Department, today));
        }

        SetRestDayRule(profile.RestDays, today);
        return Decision.Change with { Reschedule = zoneChanged };
    }

    /// <summary>A history from another system for a person who has not started: checked whole, then taken as their record.</summary>
    public Decision Import(HistoryImport history, TenantConfig? config, DateTimeOffset now)
    {
        if (Enrolled)
        {
            return Refusal.Conflict("already_enrolled", "History can only be imported for a person who has not started yet.");
        }

        if (config is null)
        {
            return Refusal.TenantNotFound;
        }

        var errors = EmployeeRules.Profile(history.Profile.TimeZone, history.Profile.Department, history.Profile.RestDays, config.Departments);
        errors.AddRange(HistoryImportRules.Validate(history, LocalDayIn(history.Profile.TimeZone, now)));
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        EmployeeEnrolment.Start(this, history.Profile, config, history.EnrolledOn);
        Screening = history.Screening;
        ScreeningOutcome = ScreeningRules.Evaluate(history.Screening);
        ScreenedAt = history.EnrolledOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        if (ScreeningOutcome.Held)
        {
            Pauses.Add(new PauseRange(history.EnrolledOn, null, PauseKind.ScreeningHold));
        }

        Sessions.AddRange(history.Sessions.DistinctBy(s => s.ClientSessionId).OrderBy(s => s.Day));
        SharedExercises.ShareAll(Sessions);
        CheckIns.AddRange(history.CheckIns.DistinctBy(c => c.ClientCheckInId).OrderBy(c => c.At));
        return Decision.Change with { Reschedule = true };
    }

    /// <summary>An admin moves the person to another of the tenant's departments, from today.</summary>
    public Decision Move(string department, TenantConfig? config, string? releasedThrough, DateTimeOffset now)
    {
        if (config is null || !config.Departments.Contains(department))
        {
            return Refusal.Invalid(new FieldError("department", "unknown_department", "Choose one of the tenant's departments."));
        }

        var today = TodayAt(now);
        if (Departments[^1].Department == department)
        {
            return Decision.Unchanged;
        }

        if (!EmployeeEnrolment.HasRoom(this, today) && !EmployeeEnrolment.FoldForMove(this, today, releasedThrough))
        {
            return Refusal.TooManyMoves;
        }

        Departments.RemoveAll(d => d.From == today);
        if (Departments.Count == 0 || Departments[^1].Department != department)
        {
            Departments.Add(new DepartmentPeriod(department, today));
        }

        return Decision.Change;
    }

    private static DateOnly LocalDayIn(string zoneId, DateTimeOffset now) =>
        LocalCalendar.LocalDay(now, LocalCalendar.ZoneOrUtc(zoneId));
}
