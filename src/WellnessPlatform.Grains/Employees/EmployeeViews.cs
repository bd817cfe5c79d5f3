using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Grains.Employees;

/// <summary>
/// What the person, and with consent their case worker, is shown: each view is read from the stored
/// record as of a local day and the progress the rules computed for it; nothing here changes the record.
/// </summary>
internal static class EmployeeViews
{
    /// <summary>Days the routine was done this week, Monday to today.</summary>
    public static int DaysDoneInWeek(EmployeeState record, DateOnly today)
    {
        var monday = LocalCalendar.WeekStart(today);
        return record.Sessions.Select(s => s.Day).Where(d => d >= monday && d <= today).Distinct().Count();
    }

    /// <summary>Every pain score held, check-ins and sessions' before/after alike, oldest first.</summary>
    public static List<PainRecord> PainRecords(EmployeeState record) => PainLog.Records(PainLog.Merge(record.Sessions, record.CheckIns));

    public static CareVerdict Care(EmployeeState record, DateOnly day) =>
        CareGate.On(day, record.ScreeningOutcome, record.Pauses, record.Sessions.Any(s => s.Day == day));

    public static EmployeeStatus Status(EmployeeState record, DateOnly today)
    {
        var pause = record.Pauses.FirstOrDefault(p => p.Until is null || p.Until >= today);
        var restDays = record.RestDays.Where(r => r.EffectiveFrom <= today).MaxBy(r => r.EffectiveFrom)?.Days ?? [];
        return new EmployeeStatus(record.TimeZone, record.Departments[^1].Department, record.EnrolledOn, record.ScreeningOutcome, record.ScreenedAt,
            record.OnHold, record.ClearedAt, pause, restDays, record.RestrictedExercises, record.CaseWorkerConsent);
    }

    public static SessionReceipt Receipt(EmployeeState record, SessionRecord session, bool duplicate, ProgressReport report, DateOnly today) =>
        new(session, duplicate, report.CurrentStreak, report.LongestStreak,
            report.Unit == StreakUnit.Days ? "days" : "weeks", DaysDoneInWeek(record, today), report.WeeklyTarget);

    /// <summary>Today's routine: the exercises to do (none while the care gate blocks), those restricted, those to avoid.</summary>
    public static TodayRoutine Today(EmployeeState record, ProgressReport report, DateOnly today)
    {
        var care = Care(record, today);
        var restricted = ExerciseCatalog.Schedulable.Where(e => record.RestrictedExercises.Contains(e.Id)).ToList();
        var exercises = care.BlocksSessions ? [] : ExerciseCatalog.Schedulable.Where(e => !record.RestrictedExercises.Contains(e.Id)).ToList();
        var avoid = ExerciseCatalog.All.Where(e => e.Contraindicated).ToList();
        return new TodayRoutine(today, care.State, care.Message, exercises, restricted, avoid, report.Phase, report.WeeklyTarget, DaysDoneInWeek(record, today));
    }

    /// <summary>Streaks, phase and what it takes to move up; days done over the last 120 days; the last 60 pain scores; earlier weeks.</summary>
    public static ProgressView Progress(EmployeeState record, ProgressReport report, DateOnly today)
    {
        var next = report.Phase < record.Plan.PhaseCount ? record.Plan.TargetFor(report.Phase + 1) : (int?)null;
        var since = today.AddDays(-119);
        var days = record.History.DaysDone(since).Concat(record.Sessions.Select(s => s.Day).Where(d => d >= since)).Distinct().Order().ToList();
        var pain = PainRecords(record).TakeLast(60).ToList();
        return new ProgressView(today, report, record.Plan.PhaseCount, next, DaysDoneInWeek(record, today), days, pain, record.Screening?.PainIntensity,
            [.. record.History.Read()], [.. record.History.PhaseChanges]);
    }

    /// <summary>The pain trend a consenting person shares with case workers: the last 90 scores and whether pain is rising.</summary>
    public static PainTrendView PainTrend(EmployeeState record, ProgressReport report) =>
        new([.. PainRecords(record).TakeLast(90)], record.Screening?.PainIntensity, report.PainRising);
}
