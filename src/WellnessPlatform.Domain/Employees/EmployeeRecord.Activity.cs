using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Employees;

/// <summary>What the person does: sessions, with the pain before and after, and pain check-ins. Each is idempotent on the client's id.</summary>
public sealed partial class EmployeeRecord
{
    /// <summary>A session; a retry of an acknowledged one returns the first record and changes nothing.</summary>
    public Decision<LoggedSession> LogSession(SessionEntry session, DateTimeOffset now)
    {
        var existing = Sessions.Find(s => s.ClientSessionId == session.ClientSessionId);
        if (existing is not null)
        {
            return new Decision<LoggedSession>(null, false, new LoggedSession(existing, Duplicate: true));
        }

        var today = TodayAt(now);
        var (day, errors) = EmployeeRules.Session(session,
            new SessionContext(now, today, Zone, EnrolledOn, Plan.LateEntryDays, RestrictedExercises, d => Sessions.Count(s => s.Day == d), MaxSessionsPerDay));
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        if (OutboxFull)
        {
            return Refusal.CountersUnreachable;
        }

        var care = CareOn(day);
        if (care.BlocksSessions)
        {
            return Refusal.Conflict(care.Code, care.Message);
        }

        var exercises = SharedExercises.Share(session.Exercises ?? [], Sessions.Count > 0 ? Sessions[^1].Exercises : null);
        var logged = new SessionRecord(session.ClientSessionId, day, now, exercises, exercises.All(SessionRules.IsAsPrescribed), session.PainBefore, session.PainAfter);
        Sessions.Add(logged);
        TallyTreatment(day);
        return new Decision<LoggedSession>(null, true, new LoggedSession(logged, Duplicate: false));
    }

    /// <summary>A pain score now; a retry returns the first one.</summary>
    public Decision<PainRecord> CheckInPain(string clientCheckInId, int pain, PainContext context, DateTimeOffset now)
    {
        var existing = CheckIns.Find(c => c.ClientCheckInId == clientCheckInId);
        if (existing is not null)
        {
            return new Decision<PainRecord>(null, false, existing);
        }

        var errors = new List<FieldError>();
        errors.AddIfAny(SessionRules.ValidateClientId(clientCheckInId, "clientCheckInId"));
        errors.AddIfAny(EmployeeRules.Pain(pain, "pain"));
        if (!Enum.IsDefined(context))
        {
            errors.Add(new FieldError("context", "invalid", "Context must be daily, beforeSession or afterSession."));
        }

        var today = TodayAt(now);
        if (errors.Count == 0 && CheckIns.Count(c => c.Day == today) >= MaxCheckInsPerDay)
        {
            errors.Add(new FieldError("clientCheckInId", "day_full", $"At most {MaxCheckInsPerDay} pain check-ins can be given in one day; today has them already."));
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        if (OutboxFull)
        {
            return Refusal.CountersUnreachable;
        }

        var score = new PainRecord(clientCheckInId, today, now, pain, context);
        CheckIns.Add(score);
        return new Decision<PainRecord>(null, true, score);
    }

    /// <summary>The shard has not confirmed corrections for so long that new activity is refused (see <see cref="Employees.Outbox"/>).</summary>
    public bool OutboxFull => Employees.Outbox.IsFull(this);

    /// <summary>Days the routine was done this week, Monday to today.</summary>
    public int DaysDoneInWeek(DateOnly today)
    {
        var monday = LocalCalendar.WeekStart(today);
        return Sessions.Select(s => s.Day).Where(d => d >= monday && d <= today).Distinct().Count();
    }

    /// <summary>Every pain score held, check-ins and sessions' before/after alike, oldest first.</summary>
    public List<PainRecord> PainRecords() => PainLog.Records(PainLog.Merge(Sessions, CheckIns));
}
