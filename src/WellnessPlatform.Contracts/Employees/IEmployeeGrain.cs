using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Contracts.Employees;

/// <summary>
/// One per employee (key: "{tenant}/{employee}"). Keeps the routine state, history and streaks, and
/// owes the tenant counters its anonymous share of them.
/// </summary>
public interface IEmployeeGrain : IGrainWithStringKey
{
    Task<Outcome<EmployeeStatus>> EnrolAsync(Enrolment enrolment);

    Task<Outcome<EmployeeStatus>> GetStatusAsync();

    /// <summary>Records the pre-participation screening; a hold it raises lasts until a case worker clears it.</summary>
    Task<Outcome<ScreeningOutcome>> ScreenAsync(ScreeningAnswers answers);

    Task<Outcome<TodayRoutine>> GetTodayAsync();

    Task<Outcome<SessionReceipt>> LogSessionAsync(LogSession session);

    Task<Outcome<IReadOnlyList<SessionRecord>>> GetSessionsAsync();

    Task<Outcome<PainRecord>> CheckInPainAsync(PainCheckIn checkIn);

    Task<Outcome<ProgressView>> GetProgressAsync();

    Task<Outcome<EmployeeStatus>> StartPauseAsync(PauseRequest pause);

    Task<Outcome<EmployeeStatus>> EndPauseAsync();

    /// <summary>Sets planned rest weekdays (at most two), effective from next Monday.</summary>
    Task<Outcome<EmployeeStatus>> SetRestDaysAsync(IReadOnlyList<DayOfWeek> days);

    /// <summary>A case worker's clearance to exercise: lifts a screening hold.</summary>
    Task<Outcome<EmployeeStatus>> RecordClearanceAsync(string clearedBy);

    /// <summary>A case worker's restriction of single exercises (an empty list lifts all restrictions).</summary>
    Task<Outcome<EmployeeStatus>> SetRestrictionsAsync(IReadOnlyList<string> exerciseIds);

    /// <summary>
    /// A case worker moves the person to the clinician-directed track from today, for a work-related case
    /// the caller has checked is theirs and open; their sessions are then treatment, not wellness.
    /// </summary>
    Task<Outcome<EmployeeStatus>> MoveToTherapeuticTrackAsync(TherapeuticMove move);

    /// <summary>
    /// Back to the wellness track from tomorrow (Conflict "not_therapeutic" when already there); with
    /// <paramref name="forIncident"/>, its case closed, only a stretch for that case ends and none is no refusal.
    /// </summary>
    Task<Outcome<EmployeeStatus>> ReturnToWellnessTrackAsync(string endedBy, string? forIncident = null);

    Task<Outcome<EmployeeStatus>> ImportHistoryAsync(ImportedHistory history);

    /// <summary>Moves the person to another department from today (a tenant admin's change).</summary>
    Task<Outcome<EmployeeStatus>> MoveToDepartmentAsync(string department);

    /// <summary>The employee grants or revokes case workers' access to their pain trend.</summary>
    Task<Outcome<EmployeeStatus>> SetCaseWorkerConsentAsync(bool granted);

    /// <summary>
    /// For reconciliation: brings the contribution up to date, sends anything owed to the shard, and
    /// returns this person's whole share of the counters (no identity: just counters) and how many
    /// corrections the shard has not yet stored durably.
    /// </summary>
    Task<ContributionSnapshot> ReconcileAsync();

    /// <summary>The pain trend for a case worker: refused (Conflict "no_consent") unless the employee consented.</summary>
    Task<Outcome<PainTrendView>> GetConsentedPainTrendAsync();

    /// <summary>Everything this grain holds about the person, for their own data export.</summary>
    Task<Outcome<EmployeeExport>> ExportAsync();

    /// <summary>
    /// Erasure: ends the person's share of the counters as a leaver's, has the shard store that and
    /// forget the contributor token in one write, removes the reminder and deletes the stored state.
    /// NotFound "not_enrolled" when there is nothing (left) to erase. If the shard cannot store, the call
    /// fails, nothing is deleted, and the erasure can be repeated.
    /// </summary>
    Task<Outcome<EmployeeErasure>> EraseAsync();

    /// <summary>The person's daily-reminder opt-in: on (with address, time and quiet hours) or off.</summary>
    Task<Outcome<NotificationSettingsView>> SetNotificationsAsync(ReminderChoice choice);

    Task<Outcome<NotificationSettingsView>> GetNotificationsAsync();

    /// <summary>Whether an unsubscribe link's secret is the one last issued (the confirm page shows only then); changes nothing.</summary>
    Task<bool> IsUnsubscribeLinkAsync(string token);

    /// <summary>The unsubscribe link, without signing in: NotFound unless the secret is the one last issued.</summary>
    Task<Outcome<NotificationSettingsView>> UnsubscribeAsync(string token);

    /// <summary>Issues a new secret for the calendar feed's address; the previous address stops working.</summary>
    Task<Outcome<CalendarFeedView>> IssueCalendarFeedAsync();

    /// <summary>Revokes the calendar feed's address; there is none until a new one is issued.</summary>
    Task<Outcome<CalendarFeedView>> RevokeCalendarFeedAsync();

    Task<Outcome<CalendarFeedView>> GetCalendarFeedAsync();

    /// <summary>The feed itself, without signing in: the planned sessions of the coming weeks, or null unless the secret is the current one.</summary>
    Task<CalendarSessions?> GetCalendarAsync(string token);
}
