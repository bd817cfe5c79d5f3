using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Grains.Employees;

/// <summary>
/// One employee's routine. Every accepted command ends in exactly one durable write of the whole
/// state (history, streak inputs and the outbox of corrections owed to the tenant) before it is
/// acknowledged; the corrections are then delivered to the tenant's shard, and resent until the shard
/// confirms it has stored them.
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
    private ContributionDelivery? _delivery;

    /// <summary>The employee's record as stored (and as it will be stored by the next write).</summary>
    private EmployeeState Stored => state.State;

    private string TenantId => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    private string EmployeeId => GrainKeys.LocalPart(this.GetPrimaryKeyString());

    private TimeZoneInfo Zone => LocalCalendar.ZoneOrUtc(Stored.TimeZone);

    private DateOnly Today => LocalCalendar.LocalDay(clock.GetUtcNow(), Zone);

    private ITenantGrain Tenant => GrainFactory.GetGrain<ITenantGrain>(TenantId);

    private ContributionDelivery Delivery => _delivery ??= new ContributionDelivery(
        this, GrainFactory, () => Stored, WriteAsync, TenantId, EmployeeId, options.Value.OutboxRetryInterval, logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        SharedExercises.ShareAll(Stored.Sessions);
        Stored.SentThrough ??= Stored.LastSequence;

        // What the stored state says now, so the first change of this activation is measured against it.
        if (Stored.Enrolled)
        {
            _progress.Seen(Evaluate(Today));
        }

        Delivery.Activated();
        return Task.CompletedTask;
    }

    public async Task<Outcome<EmployeeStatus>> EnrolAsync(Enrolment enrolment)
    {
        if (await Tenant.GetConfigAsync() is not { } config)
        {
            return TenantNotFound<EmployeeStatus>();
        }

        var released = Commands().NeedsReleasedWeek(enrolment.Department, enrolment.TimeZone) ? await Tenant.GetReleasedThroughAsync() : null;
        return await RunAsync(c => c.Enrol(enrolment, config, released));
    }

    public Task<Outcome<EmployeeStatus>> GetStatusAsync() =>
        Task.FromResult(Stored.Enrolled ? Outcome<EmployeeStatus>.Ok(Status()) : NotEnrolled<EmployeeStatus>());

    public Task<Outcome<ScreeningOutcome>> ScreenAsync(ScreeningAnswers answers) => DecideAsync(c => c.Screen(answers));

    public Task<Outcome<TodayRoutine>> GetTodayAsync() => WhenEnrolled(() =>
    {
        var today = Today;
        return Task.FromResult(Outcome<TodayRoutine>.Ok(EmployeeViews.Today(Stored, Evaluate(today), today)));
    });

    public async Task<Outcome<SessionReceipt>> LogSessionAsync(LogSession session)
    {
        var outcome = await DecideAsync(c => c.LogSession(session));
        if (outcome is { IsOk: true, Value.Duplicate: false })
        {
            WellnessMetrics.SessionsLogged.Add(1);
        }

        return outcome;
    }

    public Task<Outcome<IReadOnlyList<SessionRecord>>> GetSessionsAsync() =>
        Task.FromResult(Stored.Enrolled
            ? Outcome<IReadOnlyList<SessionRecord>>.Ok(Stored.Sessions.OrderByDescending(s => s.Day).ThenByDescending(s => s.RecordedAt).ToList())
            : NotEnrolled<IReadOnlyList<SessionRecord>>());

    public Task<Outcome<PainRecord>> CheckInPainAsync(PainCheckIn checkIn) => DecideAsync(c => c.CheckInPain(checkIn));

    public Task<Outcome<ProgressView>> GetProgressAsync() => WhenEnrolled(() =>
    {
        var today = Today;
        return Task.FromResult(Outcome<ProgressView>.Ok(EmployeeViews.Progress(Stored, Evaluate(today), today)));
    });

    public Task<Outcome<EmployeeStatus>> StartPauseAsync(PauseRequest pause) => DecideAsync(c => c.StartPause(pause));

    public Task<Outcome<EmployeeStatus>> EndPauseAsync() => DecideAsync(c => c.EndPause());

    public Task<Outcome<EmployeeStatus>> SetRestDaysAsync(IReadOnlyList<DayOfWeek> days) => DecideAsync(c => c.SetRestDays(days));

    public Task<Outcome<EmployeeStatus>> RecordClearanceAsync(string clearedBy) => DecideAsync(c => c.RecordClearance(clearedBy));

    public Task<Outcome<EmployeeStatus>> SetRestrictionsAsync(IReadOnlyList<string> exerciseIds) => DecideAsync(c => c.SetRestrictions(exerciseIds));

    public async Task<Outcome<EmployeeStatus>> ImportHistoryAsync(ImportedHistory history)
    {
        if (Stored.Enrolled)
        {
            return Outcome<EmployeeStatus>.Conflict("already_enrolled", "History can only be imported for a person who has not started yet.");
        }

        return await Tenant.GetConfigAsync() is { } config ? await RunAsync(c => c.Import(history, config)) : TenantNotFound<EmployeeStatus>();
    }

    public Task<Outcome<EmployeeStatus>> MoveToDepartmentAsync(string department) => WhenEnrolled(async () =>
    {
        var config = await Tenant.GetConfigAsync();
        var released = Commands().NeedsReleasedWeek(department) ? await Tenant.GetReleasedThroughAsync() : null;
        return await RunAsync(c => c.Move(department, config, released));
    });

    public Task<Outcome<EmployeeStatus>> SetCaseWorkerConsentAsync(bool granted) => DecideAsync(c => c.SetCaseWorkerConsent(granted));

    public async Task<ContributionSnapshot> ReconcileAsync()
    {
        if (!Stored.Enrolled)
        {
            return new ContributionSnapshot(false, new Dictionary<CellKey, long>(), 0);
        }

        await CommitAsync(force: false);

        // The whole share: folded department periods count as the tenant keeps them once released.
        var share = EmployeeProgress.Contribution(Stored, Evaluate(Today));
        foreach (var (key, value) in MembershipFold.Counters(Stored.FoldedDepartments))
        {
            share[key] = share.GetValueOrDefault(key) + value;
        }

        return new ContributionSnapshot(true, share, Stored.Outbox.Count);
    }

    public Task<Outcome<PainTrendView>> GetConsentedPainTrendAsync() => WhenEnrolled(() =>
    {
        if (!Stored.CaseWorkerConsent)
        {
            return Task.FromResult(Outcome<PainTrendView>.Conflict("no_consent", "This employee has not consented to share their pain trend with case workers."));
        }

        return Task.FromResult(Outcome<PainTrendView>.Ok(EmployeeViews.PainTrend(Stored, Evaluate(Today))));
    });

    /// <summary>
    /// The weekly review, early on Monday in the person's zone: time alone can close a week, break a
    /// streak or move a phase, which changes what this person contributes; any correction not yet stored
    /// by the shard is sent again; and an outbox trimmed since the last write is stored, so the shard can
    /// forget this contributor. One wake-up per person per week.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        WellnessMetrics.Woke("review");
        if (!Stored.Enrolled)
        {
            return;
        }

        await CommitAsync(force: Delivery.Trimmed);

        // Re-anchored when a clock change moved local Monday, or when an older schedule is found.
        var next = WeeklyReview.Next(clock.GetUtcNow(), Zone, Stored.ContributorToken);
        if (status.Period != WeeklyReview.Period || (status.CurrentTickTime + WeeklyReview.Period - next).Duration() > TimeSpan.FromMinutes(10))
        {
            await ScheduleReviewAsync();
        }
    }

    private async Task ScheduleReviewAsync()
    {
        var now = clock.GetUtcNow();
        var due = WeeklyReview.Next(now, Zone, Stored.ContributorToken) - now;
        await this.RegisterOrUpdateReminder(ReviewReminder, due, WeeklyReview.Period);
    }

    private async Task<ProgressReport> CommitAsync(bool force)
    {
        var today = Today;
        var input = EmployeeProgress.Input(Stored, today);
        var report = ProgressEngine.Evaluate(input);
        var current = EmployeeProgress.Contribution(Stored, report, input.CheckIns);
        var changed = Delivery.Queue(current, today);

        // Only after the contribution is settled: compaction stops at the first week still open, so
        // every week it folds away has already been counted in full.
        force |= HistoryCompactor.Compact(Stored, today, options.Value.RawHistoryDays, day => EmployeeProgress.Input(Stored, day));

        // Marked offered in this write, before the shard can see it (see Outbox).
        force |= Outbox.Offer(Stored);
        if (force || changed)
        {
            await WriteAsync();
        }

        _progress.Record(report);
        await Delivery.DeliverAsync();
        return report;
    }

    /// <summary>
    /// Stores the whole state. If storage refuses (an outage, or for good: a state grown past the
    /// table's limit) the in-memory state is ahead of storage; the activation is dropped so the next
    /// call starts again from what is durably stored, and nothing unstored is ever sent to a shard.
    /// </summary>
    private async Task WriteAsync()
    {
        try
        {
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

    private ProgressReport Evaluate(DateOnly today) => EmployeeProgress.Evaluate(Stored, today);

    private EmployeeStatus Status() => EmployeeViews.Status(Stored, Today);

    private EmployeeCommands Commands() => new(Stored, clock.GetUtcNow());

    /// <summary>
    /// An enrolled person's command: decided on the record, written once if it changed it (progress
    /// recomputed, corrections queued and delivered), then answered from what was written.
    /// </summary>
    private Task<Outcome<T>> DecideAsync<T>(Func<EmployeeCommands, Decision<T>> command) => WhenEnrolled(() => RunAsync(command));

    private async Task<Outcome<T>> RunAsync<T>(Func<EmployeeCommands, Decision<T>> command)
    {
        var decision = command(Commands());
        if (decision.Refusal is { } refused)
        {
            return refused;
        }

        var report = decision.Changed ? await CommitAsync(force: true) : Evaluate(Today);
        if (decision.Reschedule)
        {
            await ScheduleReviewAsync();
        }

        return Outcome<T>.Ok(decision.Answer!(report));
    }

    /// <summary>Runs a command or read that needs an enrolled person; anyone else gets not_enrolled.</summary>
    private Task<Outcome<T>> WhenEnrolled<T>(Func<Task<Outcome<T>>> command) =>
        Stored.Enrolled ? command() : Task.FromResult(NotEnrolled<T>());

    private static Outcome<T> NotEnrolled<T>() =>
        Outcome<T>.NotFound("not_enrolled", "This person has not enrolled in the programme.");

    private static Outcome<T> TenantNotFound<T>() =>
        Outcome<T>.NotFound("tenant_not_found", "This employer is not set up on the platform.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Employee state write failed; the activation is dropped so the next call reloads from storage")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);
}
