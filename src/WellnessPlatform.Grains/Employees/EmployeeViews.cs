using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Grains.Employees;

/// <summary>
/// What the person, and with consent their case worker, is shown: each view is read from the record as
/// of a local day, with the progress the rules compute for it; nothing here changes the record.
/// </summary>
internal static class EmployeeViews
{
    public static EmployeeStatus Status(EmployeeRecord record, DateOnly today)
    {
        var pause = record.Pauses.FirstOrDefault(p => p.Until is null || p.Until >= today);
        var restDays = record.RestDays.Where(r => r.EffectiveFrom <= today).MaxBy(r => r.EffectiveFrom)?.Days ?? [];
        var planned = record.RestDays.MaxBy(r => r.EffectiveFrom)?.Days ?? [];
        return new EmployeeStatus(record.TimeZone, record.Departments[^1].Department, record.EnrolledOn, record.ScreeningOutcome, record.ScreenedAt,
            record.OnHold, record.ClearedAt, pause, restDays, record.RestrictedExercises, record.CaseWorkerConsent, planned,
            new TrackView(record.CurrentTrack, [.. record.Tracks]));
    }

    public static SessionReceipt Receipt(EmployeeRecord record, LoggedSession logged, ProgressReport report, DateOnly today) =>
        new(logged.Session, logged.Duplicate, report.CurrentStreak, report.LongestStreak,
            report.Unit == StreakUnit.Days ? "days" : "weeks", record.DaysDoneInWeek(today), report.WeeklyTarget);

    /// <summary>Sessions held, newest first.</summary>
    public static IReadOnlyList<SessionRecord> Sessions(EmployeeRecord record) =>
        [.. record.Sessions.OrderByDescending(s => s.Day).ThenByDescending(s => s.RecordedAt)];

    /// <summary>Today's routine: the exercises to do (none while the care gate blocks), those restricted, those to avoid.</summary>
    public static TodayRoutine Today(EmployeeRecord record, DateOnly today)
    {
        var report = EmployeeProgress.Evaluate(record, today);
        var care = record.CareOn(today);
        var restricted = ExerciseCatalog.Schedulable.Where(e => record.RestrictedExercises.Contains(e.Id)).ToList();
        var exercises = care.BlocksSessions ? [] : ExerciseCatalog.Schedulable.Where(e => !record.RestrictedExercises.Contains(e.Id)).ToList();
        var avoid = ExerciseCatalog.All.Where(e => e.Contraindicated).ToList();
        return new TodayRoutine(today, care.State, care.Message, exercises, restricted, avoid, report.Phase, report.WeeklyTarget, record.DaysDoneInWeek(today));
    }

    /// <summary>Streaks, phase and what it takes to move up; days done over the last 120 days; the last 60 pain scores; earlier weeks.</summary>
    public static ProgressView Progress(EmployeeRecord record, DateOnly today)
    {
        var report = EmployeeProgress.Evaluate(record, today);
        var next = report.Phase < record.Plan.PhaseCount ? record.Plan.TargetFor(report.Phase + 1) : (int?)null;
        var since = today.AddDays(-119);
        var days = record.History.DaysDone(since).Concat(record.Sessions.Select(s => s.Day).Where(d => d >= since)).Distinct().Order().ToList();
        var pain = record.PainRecords().TakeLast(60).ToList();
        return new ProgressView(today, report, record.Plan.PhaseCount, next, record.DaysDoneInWeek(today), days, pain, record.Screening?.PainIntensity,
            [.. record.History.Read()], [.. record.History.PhaseChanges]);
    }

    /// <summary>The pain trend a consenting person shares with case workers: the last 90 scores and whether pain is rising.</summary>
    public static PainTrendView PainTrend(EmployeeRecord record, DateOnly today) =>
        new([.. record.PainRecords().TakeLast(90)], record.Screening?.PainIntensity, EmployeeProgress.Evaluate(record, today).PainRising);

    /// <summary>Everything held about the person, for their own download.</summary>
    public static EmployeeExport Export(EmployeeRecord record) => new(
        record.TimeZone, record.EnrolledOn, [.. record.Departments], record.Plan, record.Screening, record.ScreeningOutcome, record.ScreenedAt,
        record.ClearedAt, record.ClearedBy, [.. record.Pauses], [.. record.RestDays], [.. record.RestrictedExercises], record.CaseWorkerConsent,
        [.. record.Sessions.OrderBy(s => s.Day).ThenBy(s => s.RecordedAt)], [.. record.PainRecords()],
        [.. record.History.Read()], [.. record.History.DaysDone(DateOnly.MinValue)], [.. record.History.PhaseChanges], record.ContributorToken,
        [.. record.FoldedDepartments], [.. record.Tracks], Notifications(record), record.CalendarToken is not null);

    /// <summary>The daily-reminder opt-in as the person sees it: never the unsubscribe secret.</summary>
    public static NotificationSettingsView Notifications(EmployeeRecord record) => record.Reminders is { } r
        ? new NotificationSettingsView(true, r.Email, r.At, r.Quiet?.Start, r.Quiet?.Minutes, r.CareNotices, r.TimeZone ?? record.TimeZone, r.StreakNudge)
        : new NotificationSettingsView(false, null, null, null, null, false, record.TimeZone, false);
}
