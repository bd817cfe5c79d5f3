using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Retention;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>The employee grain's answers (status, routine, sessions, progress, pain) to their API form.</summary>
internal static class EmployeeMapping
{
    public static EmployeeStatusResponse ToResponse(this EmployeeStatus s) => new(
        s.TimeZone, s.Department, s.EnrolledOn, s.Screening?.ToResponse(), s.ScreenedAt, s.OnHold, s.ClearedAt,
        s.ActivePause?.ToResponse(), s.RestDays, s.RestrictedExercises, s.CaseWorkerConsent, s.PlannedRestDays ?? s.RestDays,
        (s.Track ?? new TrackView(CareTrack.Wellness, [])).ToResponse());

    public static TrackResponse ToResponse(this TrackView t) => new(WireEnum.Name(t.Current), [.. t.Periods.Select(p => new TrackPeriodResponse(
        p.From, p.Until, p.IncidentId, p.DirectedBy, p.MovedBy, p.MovedAt, p.EndedBy, p.EndedAt, p.TreatmentSessions, p.LastTreatmentOn))]);

    public static ScreeningOutcomeResponse ToResponse(this ScreeningOutcome o) => new(o.Held, WireEnum.Names(o.Reasons), o.SuggestIncidentReport, o.Advice);

    public static PauseResponse ToResponse(this PauseRange p) => new(p.From, p.Until, WireEnum.Name(p.Kind));

    public static TodayRoutineResponse ToResponse(this TodayRoutine r) => new(
        r.Day, WireEnum.Name(r.State), r.Message, r.Exercises.ToResponses(), r.Restricted.ToResponses(), r.Avoid.ToResponses(),
        r.Phase, r.WeeklyTarget, r.DaysDoneThisWeek);

    public static SessionReceiptResponse ToResponse(this SessionReceipt r) => new(
        r.Session.ToResponse(), r.Duplicate, r.CurrentStreak, r.LongestStreak, r.StreakUnit, r.DaysDoneThisWeek, r.WeeklyTarget);

    public static SessionResponse ToResponse(this SessionRecord s) => new(
        s.ClientSessionId, s.Day, s.RecordedAt,
        [.. s.Exercises.Select(e => new LoggedExerciseResponse(e.ExerciseId, e.Reps, e.HoldSeconds, WireEnum.Name(e.Side)))],
        s.AsPrescribed, s.PainBefore, s.PainAfter);

    public static IReadOnlyList<SessionResponse> ToResponses(this IEnumerable<SessionRecord> sessions) => [.. sessions.Select(ToResponse)];

    public static PainCheckInResponse ToResponse(this PainRecord p) => new(p.ClientCheckInId, p.Day, p.At, p.Pain, WireEnum.Name(p.Context));

    public static IReadOnlyList<PainCheckInResponse> ToResponses(this IEnumerable<PainRecord> checkIns) => [.. checkIns.Select(ToResponse)];

    public static ProgressResponse ToResponse(this ProgressView v) => new(
        v.Today, v.Report.ToResponse(), v.PhaseCount, v.NextPhaseTarget, v.DaysDoneThisWeek, v.SessionDays, v.PainTrend.ToResponses(),
        v.BaselinePain, v.EarlierWeeks.ToResponses(), v.EarlierPhaseChanges.ToResponses());

    public static PainTrendResponse ToResponse(this PainTrendView v) => new(v.CheckIns.ToResponses(), v.BaselinePain, v.PainRising);

    public static IReadOnlyList<WeekSummaryResponse> ToResponses(this IEnumerable<WeekSummary> weeks) =>
        [.. weeks.Select(w => new WeekSummaryResponse(w.Monday, w.Phase, w.Target, w.Required, w.DaysDone, WireEnum.Name(w.Status), w.Sessions, w.LastPain))];

    public static IReadOnlyList<PhaseChangeResponse> ToResponses(this IEnumerable<PhaseChange> changes) =>
        [.. changes.Select(c => new PhaseChangeResponse(c.EffectiveFrom, c.FromPhase, c.ToPhase, c.Reason))];

    private static ProgressReportResponse ToResponse(this ProgressReport r) => new(
        r.Phase, r.WeeklyTarget, r.CurrentStreakDays, r.LongestStreakDays, WireEnum.Name(r.Unit), r.FreezesAvailable, r.WeeksAtTarget,
        r.WeeksToPromote, r.PainRising,
        [.. r.Weeks.Select(w => new WeekOutcomeResponse(w.Monday, w.Phase, w.Target, w.Required, w.DaysDone, WireEnum.Name(w.Status), w.StreakDaysAtEnd))],
        r.PhaseChanges.ToResponses(), r.CurrentStreak, r.LongestStreak);
}
