using WellnessPlatform.Domain.Employees;

namespace WellnessPlatform.Grains.Employees;

/// <summary>
/// Between the stored form and the rules' record. The collections are handed over, not copied: the
/// grain is the record's only user, and it stores it right after every change.
/// </summary>
internal static class EmployeeStateMapping
{
    public static EmployeeRecord ToRecord(this EmployeeState stored) => new()
    {
        Enrolled = stored.Enrolled,
        TimeZone = stored.TimeZone,
        EnrolledOn = stored.EnrolledOn,
        Departments = stored.Departments,
        Plan = stored.Plan,
        Screening = stored.Screening,
        ScreeningOutcome = stored.ScreeningOutcome,
        ScreenedAt = stored.ScreenedAt,
        ClearedAt = stored.ClearedAt,
        ClearedBy = stored.ClearedBy,
        Pauses = stored.Pauses,
        RestDays = stored.RestDays,
        RestrictedExercises = stored.RestrictedExercises,
        Sessions = stored.Sessions,
        CheckIns = stored.CheckIns,
        ContributorToken = stored.ContributorToken,
        ShardCount = stored.ShardCount,
        LastSequence = stored.LastSequence,
        Outbox = stored.Outbox,
        Emitted = stored.Emitted,
        FinalBefore = stored.FinalBefore,
        CaseWorkerConsent = stored.CaseWorkerConsent,
        History = stored.History,
        SentThrough = stored.SentThrough,
        FoldedDepartments = stored.FoldedDepartments,
        ErasureShare = stored.ErasureShare,
        CareQueueListed = stored.CareQueueListed,
        Reminders = stored.Reminders,
        LastRemindedOn = stored.LastRemindedOn,
        Tracks = stored.Tracks,
        LastNudgedOn = stored.LastNudgedOn,
        CalendarToken = stored.CalendarToken,
        PendingReminder = stored.PendingReminder,
    };

    /// <summary>Puts the record into the stored form about to be written.</summary>
    public static void CopyTo(this EmployeeRecord record, EmployeeState stored)
    {
        stored.Enrolled = record.Enrolled;
        stored.TimeZone = record.TimeZone;
        stored.EnrolledOn = record.EnrolledOn;
        stored.Departments = record.Departments;
        stored.Plan = record.Plan;
        stored.Screening = record.Screening;
        stored.ScreeningOutcome = record.ScreeningOutcome;
        stored.ScreenedAt = record.ScreenedAt;
        stored.ClearedAt = record.ClearedAt;
        stored.ClearedBy = record.ClearedBy;
        stored.Pauses = record.Pauses;
        stored.RestDays = record.RestDays;
        stored.RestrictedExercises = record.RestrictedExercises;
        stored.Sessions = record.Sessions;
        stored.CheckIns = record.CheckIns;
        stored.ContributorToken = record.ContributorToken;
        stored.ShardCount = record.ShardCount;
        stored.LastSequence = record.LastSequence;
        stored.Outbox = record.Outbox;
        stored.Emitted = record.Emitted;
        stored.FinalBefore = record.FinalBefore;
        stored.CaseWorkerConsent = record.CaseWorkerConsent;
        stored.History = record.History;
        stored.SentThrough = record.SentThrough;
        stored.FoldedDepartments = record.FoldedDepartments;
        stored.ErasureShare = record.ErasureShare;
        stored.CareQueueListed = record.CareQueueListed;
        stored.Reminders = record.Reminders;
        stored.LastRemindedOn = record.LastRemindedOn;
        stored.Tracks = record.Tracks;
        stored.LastNudgedOn = record.LastNudgedOn;
        stored.CalendarToken = record.CalendarToken;
        stored.PendingReminder = record.PendingReminder;
    }
}
