using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Grains.Employees;

/// <summary>
/// The adapter around one <see cref="EmployeeRecord"/>: load it, let it decide, store it whole before
/// anyone is answered, then deliver the corrections it owes the tenant's shard
/// (<see cref="ContributionDelivery"/>). The rules themselves are the record's; the answers are
/// <see cref="EmployeeViews"/>.
/// </summary>
[GrainType(GrainTypes.Employee)]
public sealed partial class EmployeeGrain(
    [PersistentState(StorageNames.EmployeeState, StorageNames.GrainState)] IPersistentState<EmployeeState> state,
    TimeProvider clock,
    IOptions<WellnessGrainOptions> options,
    ILogger<EmployeeGrain> logger) : Grain, IEmployeeGrain, IRemindable
{
    private const string ReviewReminder = "weekly-review";

    private readonly ProgressChanges _progress = new();
    private EmployeeRecord _record = new();
    private ContributionDelivery? _delivery;

    private string TenantId => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    private DateTimeOffset Now => clock.GetUtcNow();

    private DateOnly Today => _record.TodayAt(Now);

    private ITenantGrain Tenant => GrainFactory.GetGrain<ITenantGrain>(TenantId);

    private ContributionDelivery Delivery => _delivery ??= new ContributionDelivery(this, GrainFactory, () => _record, WriteAsync, TenantId,
        GrainKeys.LocalPart(this.GetPrimaryKeyString()), options.Value.OutboxRetryInterval, logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _record = state.State.ToRecord();
        SharedExercises.ShareAll(_record.Sessions);
        _record.SentThrough ??= _record.LastSequence;

        // What the stored record says now, so the first change of this activation is measured against it.
        var report = _record.Enrolled ? EmployeeProgress.Evaluate(_record, Today) : null;
        if (report is not null)
        {
            _progress.Seen(report);
        }

        Delivery.Activated();
        Listing.Activated(report);
        return Task.CompletedTask;
    }

    public async Task<Outcome<EmployeeStatus>> EnrolAsync(Enrolment enrolment)
    {
        var config = await Tenant.GetConfigAsync();
        var released = _record.NeedsReleasedWeek(enrolment.Department, Now, enrolment.TimeZone) ? await Tenant.GetReleasedThroughAsync() : null;
        return await RunAsync(_record.Enrol(ToProfile(enrolment), config, released, Now), _ => Status());
    }

    public Task<Outcome<EmployeeStatus>> GetStatusAsync() => ReadAsync(Status);

    public Task<Outcome<ScreeningOutcome>> ScreenAsync(ScreeningAnswers answers) =>
        WithCareNoticeAsync(() => DecideAsync(r => r.Screen(answers, Now), (outcome, _) => outcome!));

    public Task<Outcome<TodayRoutine>> GetTodayAsync() => ReadAsync(() => EmployeeViews.Today(_record, Today));

    public async Task<Outcome<SessionReceipt>> LogSessionAsync(LogSession session)
    {
        var entry = new SessionEntry(session.ClientSessionId, session.Day, session.PerformedAt, session.Exercises, session.PainBefore, session.PainAfter);
        var outcome = await DecideAsync(r => r.LogSession(entry, Now), (logged, report) => EmployeeViews.Receipt(_record, logged!, report, Today));
        if (outcome is { IsOk: true, Value.Duplicate: false })
        {
            WellnessMetrics.SessionsLogged.Add(1);
        }

        return outcome;
    }

    public Task<Outcome<IReadOnlyList<SessionRecord>>> GetSessionsAsync() => ReadAsync(() => EmployeeViews.Sessions(_record));

    public Task<Outcome<PainRecord>> CheckInPainAsync(PainCheckIn checkIn) =>
        DecideAsync(r => r.CheckInPain(checkIn.ClientCheckInId, checkIn.Pain, checkIn.Context, Now), (score, _) => score!);

    public Task<Outcome<ProgressView>> GetProgressAsync() => ReadAsync(() => EmployeeViews.Progress(_record, Today));

    public Task<Outcome<EmployeeStatus>> StartPauseAsync(PauseRequest pause) => DecideAsync(r => r.StartPause(pause.From, pause.Until, Now));

    public Task<Outcome<EmployeeStatus>> EndPauseAsync() => DecideAsync(r => r.EndPause(Now));

    public Task<Outcome<EmployeeStatus>> SetRestDaysAsync(IReadOnlyList<DayOfWeek> days) => DecideAsync(r => r.SetRestDays(days, Now));

    public Task<Outcome<EmployeeStatus>> SetCaseWorkerConsentAsync(bool granted) => DecideAsync(r => r.SetCaseWorkerConsent(granted));

    /// <summary>
    /// The weekly review, early on Monday in the person's zone: time alone can close a week, break a
    /// streak or move a phase, which changes what this person contributes; corrections not yet stored by
    /// the shard are sent again, and an outbox trimmed since the last write is stored. One wake-up per
    /// person per week; re-anchored when a clock change moved local Monday or an older schedule is found.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == DailyReminderName)
        {
            await ReceiveDailyReminderAsync(status);
            return;
        }

        if (reminderName == StreakNudgeName)
        {
            await ReceiveStreakNudgeAsync(status);
            return;
        }

        if (reminderName == ReminderRetryName)
        {
            await ReceiveReminderRetryAsync();
            return;
        }

        WellnessMetrics.Woke("review");
        if (!_record.Enrolled)
        {
            return;
        }

        await CommitAsync(force: Delivery.Trimmed);
        var next = WeeklyReview.Next(Now, _record.Zone, _record.ContributorToken);
        if (status.Period != WeeklyReview.Period || (status.CurrentTickTime + WeeklyReview.Period - next).Duration() > TimeSpan.FromMinutes(10))
        {
            await ScheduleReviewAsync();
        }
    }

    private async Task ScheduleReviewAsync()
    {
        var now = Now;
        await this.RegisterOrUpdateReminder(ReviewReminder, WeeklyReview.Next(now, _record.Zone, _record.ContributorToken) - now, WeeklyReview.Period);
    }

    /// <summary>Progress recomputed, corrections queued, history compacted, and the record stored if any of it changed; then delivered and listed.</summary>
    private async Task<ProgressReport> CommitAsync(bool force)
    {
        var today = Today;
        var input = EmployeeProgress.Input(_record, today);
        var report = ProgressEngine.Evaluate(input);
        var changed = Delivery.Queue(EmployeeProgress.Contribution(_record, report, today, input.CheckIns), today);

        // Only after the contribution is settled: compaction stops at the first week still open, so
        // every week it folds away has already been counted in full.
        force |= HistoryCompactor.Compact(_record, today, options.Value.RawHistoryDays, day => EmployeeProgress.Input(_record, day));

        // Marked offered in this write, before the shard can see it (see Outbox).
        force |= Outbox.Offer(_record);
        if (force || changed)
        {
            await WriteAsync();
        }

        _progress.Record(report);
        await Delivery.DeliverAsync();
        await Listing.SyncAsync(report);
        return report;
    }

    /// <summary>
    /// Stores the whole record. If storage refuses (an outage, or for good: a record grown past the
    /// table's limit) memory is ahead of storage; the activation is dropped so the next call starts again
    /// from what is durably stored, and nothing unstored is ever sent to a shard.
    /// </summary>
    private async Task WriteAsync()
    {
        try
        {
            _record.CopyTo(state.State);
            await state.WriteStateAsync();
            Delivery.Written();
        }
        catch (Exception ex)
        {
            LogWriteFailed(logger, ex);
            Delivery.Stop();
            DeactivateOnIdle();
            throw;
        }
    }

    private EmployeeStatus Status() => EmployeeViews.Status(_record, Today);

    private Task<Outcome<EmployeeStatus>> DecideAsync(Func<EmployeeRecord, Decision> command) =>
        _record.Enrolled ? RunAsync(command(_record), _ => Status()) : Task.FromResult(Refusal.NotEnrolled.ToOutcome<EmployeeStatus>());

    private Task<Outcome<T>> DecideAsync<TValue, T>(Func<EmployeeRecord, Decision<TValue>> command, Func<TValue?, ProgressReport, T> answer)
    {
        if (!_record.Enrolled)
        {
            return Task.FromResult(Refusal.NotEnrolled.ToOutcome<T>());
        }

        var decision = command(_record);
        return RunAsync(decision, report => answer(decision.Value, report));
    }

    /// <summary>A decision taken: refused as is; if it changed the record, stored (and its corrections sent) before the answer.</summary>
    private async Task<Outcome<T>> RunAsync<T>(Decision decision, Func<ProgressReport, T> answer)
    {
        if (decision.Refused is { } refused)
        {
            return refused.ToOutcome<T>();
        }

        var report = decision.Changed ? await CommitAsync(force: true) : EmployeeProgress.Evaluate(_record, Today);
        if (decision.Reschedule)
        {
            await ScheduleReviewAsync();
        }

        return Outcome<T>.Ok(answer(report));
    }

    private Task<Outcome<T>> ReadAsync<T>(Func<T> view) =>
        Task.FromResult(_record.Enrolled ? Outcome<T>.Ok(view()) : Refusal.NotEnrolled.ToOutcome<T>());

    private static EmployeeProfile ToProfile(Enrolment enrolment) => new(enrolment.TimeZone, enrolment.Department, enrolment.RestDays);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Employee state write failed; the activation is dropped so the next call reloads from storage")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);
}
