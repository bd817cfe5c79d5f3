using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Domain.Tenants;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Grains.Employees;

/// <summary>
/// An enrolled person's own commands and their case worker's, decided on the stored record at one
/// instant: no Orleans, no storage, no clock of its own, so each is tested as a plain object. The grain
/// writes the record once when a decision changed it, then answers (see <see cref="Decision{T}"/>).
/// </summary>
internal sealed class EmployeeCommands(EmployeeState record, DateTimeOffset now)
{
    private TimeZoneInfo Zone => LocalCalendar.ZoneOrUtc(record.TimeZone);

    private DateOnly Today => LocalCalendar.LocalDay(now, Zone);

    private DateOnly LocalDayIn(string zoneId) =>
        LocalCalendar.LocalDay(now, LocalCalendar.ZoneOrUtc(zoneId));

    public static Outcome<T> TooManyMoves<T>() =>
        Outcome<T>.Conflict("too_many_department_moves",
            $"This person has {EmployeeState.MaxDepartmentPeriods} department moves in weeks not yet released to HR; move them again after the next weekly release.");

    public static Outcome<T> CountersUnreachable<T>() =>
        Outcome<T>.Conflict("counters_unreachable",
            "Your employer's anonymous counters have not been reachable for a long time; nothing was recorded. Please try again later.");

    /// <summary>
    /// Whether moving to the department (in the given zone, or the person's) needs the tenant's last
    /// released week: only at the cap of dated periods, to fold those the tenant has released.
    /// </summary>
    public bool NeedsReleasedWeek(string department, string? timeZone = null) =>
        record.Enrolled && record.Departments[^1].Department != department
        && !EmployeeEnrolment.HasRoom(record, timeZone is null ? Today : LocalDayIn(timeZone));

    /// <summary>Enrols; enrolling again updates the profile, and a new zone or department applies from today on.</summary>
    public Decision<EmployeeStatus> Enrol(Enrolment enrolment, TenantConfig config, string? releasedThrough)
    {
        var errors = EmployeeRules.Profile(enrolment.TimeZone, enrolment.Department, enrolment.RestDays, config.Departments);
        if (errors.Count > 0)
        {
            return Outcome<EmployeeStatus>.Invalid(errors);
        }

        var start = LocalDayIn(enrolment.TimeZone);
        if (!record.Enrolled)
        {
            EmployeeEnrolment.Start(record, enrolment, config, start);
            return Changed() with { Reschedule = true };
        }

        var moving = record.Departments[^1].Department != enrolment.Department;
        if (moving && !EmployeeEnrolment.HasRoom(record, start) && !EmployeeEnrolment.FoldForMove(record, start, releasedThrough))
        {
            return TooManyMoves<EmployeeStatus>();
        }

        var zoneChanged = record.TimeZone != enrolment.TimeZone;
        record.TimeZone = enrolment.TimeZone;
        var today = Today;
        if (moving)
        {
            record.Departments.RemoveAll(d => d.From == today);
            record.Departments.Add(new DepartmentPeriod(enrolment.Department, today));
        }

        SetRestDayRule(enrolment.RestDays, today);
        return Changed() with { Reschedule = zoneChanged };
    }

    /// <summary>A history from another system for a person who has not started: checked whole, then taken as their record.</summary>
    public Decision<EmployeeStatus> Import(ImportedHistory history, TenantConfig config)
    {
        var errors = EmployeeRules.Profile(history.Enrolment.TimeZone, history.Enrolment.Department, history.Enrolment.RestDays, config.Departments);
        errors.AddRange(HistoryImportRules.Validate(history, LocalDayIn(history.Enrolment.TimeZone)));
        if (errors.Count > 0)
        {
            return Outcome<EmployeeStatus>.Invalid(errors);
        }

        EmployeeEnrolment.Start(record, history.Enrolment, config, history.EnrolledOn);
        record.Screening = history.Screening;
        record.ScreeningOutcome = ScreeningRules.Evaluate(history.Screening);
        record.ScreenedAt = history.EnrolledOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        if (record.ScreeningOutcome.Held)
        {
            record.Pauses.Add(new PauseRange(history.EnrolledOn, null, PauseKind.ScreeningHold));
        }

        record.Sessions.AddRange(history.Sessions.DistinctBy(s => s.ClientSessionId).OrderBy(s => s.Day));
        SharedExercises.ShareAll(record.Sessions);
        record.CheckIns.AddRange(history.CheckIns.DistinctBy(c => c.ClientCheckInId).OrderBy(c => c.At));
        return Changed() with { Reschedule = true };
    }

    /// <summary>An admin moves the person to another of the tenant's departments, from today.</summary>
    public Decision<EmployeeStatus> Move(string department, TenantConfig? config, string? releasedThrough)
    {
        if (config is null || !config.Departments.Contains(department))
        {
            return Outcome<EmployeeStatus>.Invalid(new FieldError("department", "unknown_department", "Choose one of the tenant's departments."));
        }

        var today = Today;
        if (record.Departments[^1].Department == department)
        {
            return Decision<EmployeeStatus>.Accept(false, _ => EmployeeViews.Status(record, Today));
        }

        if (!EmployeeEnrolment.HasRoom(record, today) && !EmployeeEnrolment.FoldForMove(record, today, releasedThrough))
        {
            return TooManyMoves<EmployeeStatus>();
        }

        record.Departments.RemoveAll(d => d.From == today);
        if (record.Departments.Count == 0 || record.Departments[^1].Department != department)
        {
            record.Departments.Add(new DepartmentPeriod(department, today));
        }

        return Changed();
    }

    public Decision<ScreeningOutcome> Screen(ScreeningAnswers answers)
    {
        var errors = ScreeningRules.Validate(answers);
        if (errors.Count > 0)
        {
            return Outcome<ScreeningOutcome>.Invalid(errors);
        }

        var outcome = ScreeningRules.Evaluate(answers);
        var answer = CareGate.Screen(record.Pauses, outcome, Today);
        record.Screening = answers;
        record.ScreeningOutcome = outcome;
        record.ScreenedAt = now;
        return Decision<ScreeningOutcome>.Accept(true, _ => answer);
    }

    /// <summary>A session; a retry of an acknowledged one returns the first receipt and changes nothing.</summary>
    public Decision<SessionReceipt> LogSession(LogSession session)
    {
        var today = Today;
        var existing = record.Sessions.Find(s => s.ClientSessionId == session.ClientSessionId);
        if (existing is not null)
        {
            return Decision<SessionReceipt>.Accept(false, report => EmployeeViews.Receipt(record, existing, duplicate: true, report, today));
        }

        var (day, errors) = EmployeeRules.Session(
            new SessionEntry(session.ClientSessionId, session.Day, session.PerformedAt, session.Exercises, session.PainBefore, session.PainAfter),
            new SessionContext(now, today, Zone, record.EnrolledOn, record.Plan.LateEntryDays, record.RestrictedExercises,
                d => record.Sessions.Count(s => s.Day == d), EmployeeState.MaxSessionsPerDay));
        if (errors.Count > 0)
        {
            return Outcome<SessionReceipt>.Invalid(errors);
        }

        if (Outbox.IsFull(record))
        {
            return CountersUnreachable<SessionReceipt>();
        }

        var care = EmployeeViews.Care(record, day);
        if (care.BlocksSessions)
        {
            return Outcome<SessionReceipt>.Conflict(care.Code, care.Message);
        }

        var exercises = SharedExercises.Share(session.Exercises, record.Sessions.Count > 0 ? record.Sessions[^1].Exercises : null);
        var logged = new SessionRecord(session.ClientSessionId, day, now, exercises, exercises.All(SessionRules.IsAsPrescribed),
            session.PainBefore, session.PainAfter);
        record.Sessions.Add(logged);
        return Decision<SessionReceipt>.Accept(true, report => EmployeeViews.Receipt(record, logged, duplicate: false, report, today));
    }

    /// <summary>A pain score; a retry returns the first one.</summary>
    public Decision<PainRecord> CheckInPain(PainCheckIn checkIn)
    {
        var existing = record.CheckIns.Find(c => c.ClientCheckInId == checkIn.ClientCheckInId);
        if (existing is not null)
        {
            return Decision<PainRecord>.Accept(false, _ => existing);
        }

        var errors = new List<FieldError>();
        errors.AddIfAny(SessionRules.ValidateClientId(checkIn.ClientCheckInId, "clientCheckInId"));
        errors.AddIfAny(EmployeeRules.Pain(checkIn.Pain, "pain"));
        if (!Enum.IsDefined(checkIn.Context))
        {
            errors.Add(new FieldError("context", "invalid", "Context must be daily, beforeSession or afterSession."));
        }

        var today = Today;
        if (errors.Count == 0 && record.CheckIns.Count(c => c.Day == today) >= EmployeeState.MaxCheckInsPerDay)
        {
            errors.Add(new FieldError("clientCheckInId", "day_full",
                $"At most {EmployeeState.MaxCheckInsPerDay} pain check-ins can be given in one day; today has them already."));
        }

        if (errors.Count > 0)
        {
            return Outcome<PainRecord>.Invalid(errors);
        }

        if (Outbox.IsFull(record))
        {
            return CountersUnreachable<PainRecord>();
        }

        var score = new PainRecord(checkIn.ClientCheckInId, today, now, checkIn.Pain, checkIn.Context);
        record.CheckIns.Add(score);
        return Decision<PainRecord>.Accept(true, _ => score);
    }

    public Decision<EmployeeStatus> StartPause(PauseRequest pause)
    {
        var today = Today;
        var from = pause.From ?? today;
        var errors = MedicalPauses.Validate(from, pause.Until, today, record.Plan);
        if (errors.Count > 0)
        {
            return Outcome<EmployeeStatus>.Invalid(errors);
        }

        if (MedicalPauses.InPlaceFrom(record.Pauses, from))
        {
            return Outcome<EmployeeStatus>.Conflict("already_paused", "A medical pause is already in place; end it before starting another.");
        }

        if (record.Pauses.Count >= EmployeeState.MaxPauses)
        {
            return Outcome<EmployeeStatus>.Conflict("too_many_pauses", $"At most {EmployeeState.MaxPauses} recent pauses are kept; try again once older ones have passed.");
        }

        record.Pauses.Add(new PauseRange(from, pause.Until, PauseKind.Medical));
        return Changed();
    }

    public Decision<EmployeeStatus> EndPause() =>
        MedicalPauses.End(record.Pauses, Today) ? Changed() : Outcome<EmployeeStatus>.Conflict("not_paused", "There is no medical pause to end.");

    public Decision<EmployeeStatus> SetRestDays(IReadOnlyList<DayOfWeek> days)
    {
        if (EmployeeRules.RestDays(days) is { } error)
        {
            return Outcome<EmployeeStatus>.Invalid(error);
        }

        SetRestDayRule(days, Today);
        return Changed();
    }

    /// <summary>A case worker records that a held person is cleared to exercise: the hold ends today.</summary>
    public Decision<EmployeeStatus> RecordClearance(string clearedBy)
    {
        if (string.IsNullOrWhiteSpace(clearedBy) || clearedBy.Length > EmployeeState.MaxActorLength)
        {
            return Outcome<EmployeeStatus>.Invalid(new FieldError("clearedBy", "invalid", $"The case worker is named by 1–{EmployeeState.MaxActorLength} characters."));
        }

        if (!CareGate.Clear(record.Pauses, Today))
        {
            return Outcome<EmployeeStatus>.Conflict("not_on_hold", "This person's routine is not on hold.");
        }

        record.ClearedAt = now;
        record.ClearedBy = clearedBy;
        return Changed();
    }

    /// <summary>A case worker takes single exercises out of the person's routine (or puts them back).</summary>
    public Decision<EmployeeStatus> SetRestrictions(IReadOnlyList<string> exerciseIds)
    {
        var unknown = exerciseIds.Where(id => ExerciseCatalog.Schedulable.All(e => e.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            return Outcome<EmployeeStatus>.Invalid(new FieldError("exerciseIds", "unknown_exercise", $"Not routine exercises: {string.Join(", ", unknown)}."));
        }

        record.RestrictedExercises = [.. exerciseIds.Distinct()];
        return Changed();
    }

    public Decision<EmployeeStatus> SetCaseWorkerConsent(bool granted)
    {
        var changed = record.CaseWorkerConsent != granted;
        record.CaseWorkerConsent = granted;
        return Decision<EmployeeStatus>.Accept(changed, _ => EmployeeViews.Status(record, Today));
    }

    /// <summary>Rest days change from next Monday: a week already under way is not rewritten.</summary>
    public void SetRestDayRule(IReadOnlyList<DayOfWeek>? days, DateOnly today)
    {
        var from = LocalCalendar.WeekStart(today).AddDays(7);
        var wanted = (days ?? []).Distinct().Order().ToList();
        var currentRule = record.RestDays.Where(r => r.EffectiveFrom <= from).MaxBy(r => r.EffectiveFrom);
        if ((currentRule?.Days ?? []).Order().SequenceEqual(wanted))
        {
            return;
        }

        record.RestDays.RemoveAll(r => r.EffectiveFrom >= from);
        record.RestDays.Add(new RestDayRule(from, wanted));
    }

    private Decision<EmployeeStatus> Changed() => Decision<EmployeeStatus>.Accept(true, _ => EmployeeViews.Status(record, Today));
}
