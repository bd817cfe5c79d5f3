using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Employees;
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
    private const int MaxImportDays = 2 * 366;

    private IGrainTimer? _retryTimer;
    private (int StreakDays, int Phase)? _lastProgress;

    // The highest sequence the stored outbox can never resend (see SettledThrough), and the last value
    // the shard was told: once they differ, the shard may forget this contributor.
    private long _settledThrough = -1;
    private long _reportedSettled = -1;

    // Confirmed corrections trimmed from the outbox in memory since the last write.
    private bool _outboxTrimmed;

    private EmployeeState S => state.State;

    private string TenantId => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    private string EmployeeId => GrainKeys.LocalPart(this.GetPrimaryKeyString());

    private TimeZoneInfo Zone => LocalCalendar.TryFindZone(S.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    private DateOnly Today => LocalCalendar.LocalDay(clock.GetUtcNow(), Zone);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        SharedExercises.ShareAll(S.Sessions);
        S.SentThrough ??= S.LastSequence;

        // What the stored state says now, so the first change of this activation is measured against it.
        if (S.Enrolled)
        {
            _lastProgress = Snapshot(Evaluate(Today));
        }

        _settledThrough = SettledThrough();
        if (S.Outbox.Count > 0)
        {
            ScheduleRetry();
        }

        return Task.CompletedTask;
    }

    public async Task<Outcome<EmployeeStatus>> EnrolAsync(Enrolment enrolment)
    {
        var (config, errors) = await ValidateEnrolmentAsync(enrolment);
        if (config is null)
        {
            return Outcome<EmployeeStatus>.NotFound("tenant_not_found", "This employer is not set up on the platform.");
        }

        if (errors.Count > 0)
        {
            return Outcome<EmployeeStatus>.Invalid(errors);
        }

        if (!S.Enrolled)
        {
            StartEnrolment(enrolment, config, LocalDayIn(enrolment.TimeZone));
            await CommitAsync(force: true);
            await ScheduleReviewAsync();
            return Outcome<EmployeeStatus>.Ok(Status());
        }

        // Enrolling again updates the profile: a new zone or department applies from today on.
        var moving = S.Departments[^1].Department != enrolment.Department;
        if (moving && !await MakeRoomForDepartmentAsync(LocalDayIn(enrolment.TimeZone)))
        {
            return TooManyMoves<EmployeeStatus>();
        }

        var zoneChanged = S.TimeZone != enrolment.TimeZone;
        S.TimeZone = enrolment.TimeZone;
        var today = Today;
        if (moving)
        {
            S.Departments.RemoveAll(d => d.From == today);
            S.Departments.Add(new DepartmentPeriod(enrolment.Department, today));
        }

        SetRestDayRule(enrolment.RestDays, today);
        await CommitAsync(force: true);
        if (zoneChanged)
        {
            await ScheduleReviewAsync();
        }

        return Outcome<EmployeeStatus>.Ok(Status());
    }

    public Task<Outcome<EmployeeStatus>> GetStatusAsync() =>
        Task.FromResult(S.Enrolled ? Outcome<EmployeeStatus>.Ok(Status()) : NotEnrolled<EmployeeStatus>());

    public async Task<Outcome<ScreeningOutcome>> ScreenAsync(ScreeningAnswers answers)
    {
        if (!S.Enrolled)
        {
            return NotEnrolled<ScreeningOutcome>();
        }

        var errors = ScreeningRules.Validate(answers);
        if (errors.Count > 0)
        {
            return Outcome<ScreeningOutcome>.Invalid(errors);
        }

        var outcome = ScreeningRules.Evaluate(answers);
        var answer = CareGate.Screen(S.Pauses, outcome, Today);
        S.Screening = answers;
        S.ScreeningOutcome = outcome;
        S.ScreenedAt = clock.GetUtcNow();
        await CommitAsync(force: true);
        return Outcome<ScreeningOutcome>.Ok(answer);
    }

    public Task<Outcome<TodayRoutine>> GetTodayAsync()
    {
        if (!S.Enrolled)
        {
            return Task.FromResult(NotEnrolled<TodayRoutine>());
        }

        var today = Today;
        return Task.FromResult(Outcome<TodayRoutine>.Ok(EmployeeViews.Today(S, Evaluate(today), today)));
    }

    public async Task<Outcome<SessionReceipt>> LogSessionAsync(LogSession session)
    {
        if (!S.Enrolled)
        {
            return NotEnrolled<SessionReceipt>();
        }

        // A retry of an acknowledged session returns the first receipt and changes nothing.
        var existing = S.Sessions.Find(s => s.ClientSessionId == session.ClientSessionId);
        if (existing is not null)
        {
            return Outcome<SessionReceipt>.Ok(EmployeeViews.Receipt(S, existing, duplicate: true, Evaluate(Today), Today));
        }

        var now = clock.GetUtcNow();
        var (day, errors) = EmployeeRules.Session(
            new SessionEntry(session.ClientSessionId, session.Day, session.PerformedAt, session.Exercises, session.PainBefore, session.PainAfter),
            new SessionContext(now, Today, Zone, S.EnrolledOn, S.Plan.LateEntryDays, S.RestrictedExercises,
                d => S.Sessions.Count(s => s.Day == d), EmployeeState.MaxSessionsPerDay));
        if (errors.Count > 0)
        {
            return Outcome<SessionReceipt>.Invalid(errors);
        }

        if (Outbox.IsFull(S))
        {
            return CountersUnreachable<SessionReceipt>();
        }

        var care = EmployeeViews.Care(S, day);
        if (care.BlocksSessions)
        {
            return Outcome<SessionReceipt>.Conflict(care.Code, care.Message);
        }

        var exercises = SharedExercises.Share(session.Exercises, S.Sessions.Count > 0 ? S.Sessions[^1].Exercises : null);
        var record = new SessionRecord(session.ClientSessionId, day, now, exercises, exercises.All(SessionRules.IsAsPrescribed),
            session.PainBefore, session.PainAfter);
        S.Sessions.Add(record);
        var report = await CommitAsync(force: true);
        WellnessMetrics.SessionsLogged.Add(1);
        return Outcome<SessionReceipt>.Ok(EmployeeViews.Receipt(S, record, duplicate: false, report, Today));
    }

    public Task<Outcome<IReadOnlyList<SessionRecord>>> GetSessionsAsync() =>
        Task.FromResult(S.Enrolled
            ? Outcome<IReadOnlyList<SessionRecord>>.Ok(S.Sessions.OrderByDescending(s => s.Day).ThenByDescending(s => s.RecordedAt).ToList())
            : NotEnrolled<IReadOnlyList<SessionRecord>>());

    public async Task<Outcome<PainRecord>> CheckInPainAsync(PainCheckIn checkIn)
    {
        if (!S.Enrolled)
        {
            return NotEnrolled<PainRecord>();
        }

        var existing = S.CheckIns.Find(c => c.ClientCheckInId == checkIn.ClientCheckInId);
        if (existing is not null)
        {
            return Outcome<PainRecord>.Ok(existing);
        }

        var errors = new List<FieldError>();
        errors.AddIfAny(SessionRules.ValidateClientId(checkIn.ClientCheckInId, "clientCheckInId"));
        errors.AddIfAny(EmployeeRules.Pain(checkIn.Pain, "pain"));
        if (!Enum.IsDefined(checkIn.Context))
        {
            errors.Add(new FieldError("context", "invalid", "Context must be daily, beforeSession or afterSession."));
        }

        var today = Today;
        if (errors.Count == 0 && S.CheckIns.Count(c => c.Day == today) >= EmployeeState.MaxCheckInsPerDay)
        {
            errors.Add(new FieldError("clientCheckInId", "day_full",
                $"At most {EmployeeState.MaxCheckInsPerDay} pain check-ins can be given in one day; today has them already."));
        }

        if (errors.Count > 0)
        {
            return Outcome<PainRecord>.Invalid(errors);
        }

        if (Outbox.IsFull(S))
        {
            return CountersUnreachable<PainRecord>();
        }

        var record = new PainRecord(checkIn.ClientCheckInId, today, clock.GetUtcNow(), checkIn.Pain, checkIn.Context);
        S.CheckIns.Add(record);
        await CommitAsync(force: true);
        return Outcome<PainRecord>.Ok(record);
    }

    public Task<Outcome<ProgressView>> GetProgressAsync()
    {
        if (!S.Enrolled)
        {
            return Task.FromResult(NotEnrolled<ProgressView>());
        }

        var today = Today;
        return Task.FromResult(Outcome<ProgressView>.Ok(EmployeeViews.Progress(S, Evaluate(today), today)));
    }

    public async Task<Outcome<EmployeeStatus>> StartPauseAsync(PauseRequest pause)
    {
        if (!S.Enrolled)
        {
            return NotEnrolled<EmployeeStatus>();
        }

        var today = Today;
        var from = pause.From ?? today;
        var errors = MedicalPauses.Validate(from, pause.Until, today, S.Plan);
        if (errors.Count > 0)
        {
            return Outcome<EmployeeStatus>.Invalid(errors);
        }

        if (MedicalPauses.InPlaceFrom(S.Pauses, from))
        {
            return Outcome<EmployeeStatus>.Conflict("already_paused", "A medical pause is already in place; end it before starting another.");
        }

        if (S.Pauses.Count >= EmployeeState.MaxPauses)
        {
            return Outcome<EmployeeStatus>.Conflict("too_many_pauses", $"At most {EmployeeState.MaxPauses} recent pauses are kept; try again once older ones have passed.");
        }

        S.Pauses.Add(new PauseRange(from, pause.Until, PauseKind.Medical));
        await CommitAsync(force: true);
        return Outcome<EmployeeStatus>.Ok(Status());
    }

    public async Task<Outcome<EmployeeStatus>> EndPauseAsync()
    {
        if (!S.Enrolled)
        {
            return NotEnrolled<EmployeeStatus>();
        }

        if (!MedicalPauses.End(S.Pauses, Today))
        {
            return Outcome<EmployeeStatus>.Conflict("not_paused", "There is no medical pause to end.");
        }

        await CommitAsync(force: true);
        return Outcome<EmployeeStatus>.Ok(Status());
    }

    public async Task<Outcome<EmployeeStatus>> SetRestDaysAsync(IReadOnlyList<DayOfWeek> days)
    {
        if (!S.Enrolled)
        {
            return NotEnrolled<EmployeeStatus>();
        }

        if (EmployeeRules.RestDays(days) is { } error)
        {
            return Outcome<EmployeeStatus>.Invalid(error);
        }

        SetRestDayRule(days, Today);
        await CommitAsync(force: true);
        return Outcome<EmployeeStatus>.Ok(Status());
    }

    public async Task<Outcome<EmployeeStatus>> RecordClearanceAsync(string clearedBy)
    {
        if (!S.Enrolled)
        {
            return NotEnrolled<EmployeeStatus>();
        }

        if (string.IsNullOrWhiteSpace(clearedBy) || clearedBy.Length > EmployeeState.MaxActorLength)
        {
            return Outcome<EmployeeStatus>.Invalid(new FieldError("clearedBy", "invalid", $"The case worker is named by 1–{EmployeeState.MaxActorLength} characters."));
        }

        if (!CareGate.Clear(S.Pauses, Today))
        {
            return Outcome<EmployeeStatus>.Conflict("not_on_hold", "This person's routine is not on hold.");
        }

        S.ClearedAt = clock.GetUtcNow();
        S.ClearedBy = clearedBy;
        await CommitAsync(force: true);
        return Outcome<EmployeeStatus>.Ok(Status());
    }

    public async Task<Outcome<EmployeeStatus>> SetRestrictionsAsync(IReadOnlyList<string> exerciseIds)
    {
        if (!S.Enrolled)
        {
            return NotEnrolled<EmployeeStatus>();
        }

        var unknown = exerciseIds.Where(id => ExerciseCatalog.Schedulable.All(e => e.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            return Outcome<EmployeeStatus>.Invalid(new FieldError("exerciseIds", "unknown_exercise", $"Not routine exercises: {string.Join(", ", unknown)}."));
        }

        S.RestrictedExercises = [.. exerciseIds.Distinct()];
        await CommitAsync(force: true);
        return Outcome<EmployeeStatus>.Ok(Status());
    }

    public async Task<Outcome<EmployeeStatus>> ImportHistoryAsync(ImportedHistory history)
    {
        if (S.Enrolled)
        {
            return Outcome<EmployeeStatus>.Conflict("already_enrolled", "History can only be imported for a person who has not started yet.");
        }

        var (config, errors) = await ValidateEnrolmentAsync(history.Enrolment);
        if (config is null)
        {
            return Outcome<EmployeeStatus>.NotFound("tenant_not_found", "This employer is not set up on the platform.");
        }

        var today = LocalDayIn(history.Enrolment.TimeZone);
        var all = new List<FieldError>(errors);
        if (history.EnrolledOn > today || history.EnrolledOn < today.AddDays(-MaxImportDays))
        {
            all.Add(new FieldError("enrolledOn", "out_of_range", "The enrolment day must lie within the last two years."));
        }

        all.AddRange(ScreeningRules.Validate(history.Screening));
        var sessionsPerDay = new Dictionary<DateOnly, int>();
        for (var i = 0; i < history.Sessions.Count; i++)
        {
            var s = history.Sessions[i];
            all.AddIfAny(SessionRules.ValidateClientId(s.ClientSessionId, $"sessions[{i}].clientSessionId"));
            if (s.Day < history.EnrolledOn || s.Day > today)
            {
                all.Add(new FieldError($"sessions[{i}].day", "out_of_range", "Imported sessions lie between enrolment and today."));
            }
            else if ((sessionsPerDay[s.Day] = sessionsPerDay.GetValueOrDefault(s.Day) + 1) > EmployeeState.MaxSessionsPerDay)
            {
                all.Add(new FieldError($"sessions[{i}].day", "day_full", $"At most {EmployeeState.MaxSessionsPerDay} sessions a day."));
            }

            all.AddRange(SessionRules.ValidateExercises(s.Exercises, []).Select(e => e with { Field = $"sessions[{i}].{e.Field}" }));
        }

        var checkInsPerDay = new Dictionary<DateOnly, int>();
        for (var i = 0; i < history.CheckIns.Count; i++)
        {
            var c = history.CheckIns[i];
            all.AddIfAny(SessionRules.ValidateClientId(c.ClientCheckInId, $"checkIns[{i}].clientCheckInId"));
            all.AddIfAny(EmployeeRules.Pain(c.Pain, $"checkIns[{i}].pain"));
            if (c.Day < history.EnrolledOn || c.Day > today)
            {
                all.Add(new FieldError($"checkIns[{i}].day", "out_of_range", "Imported check-ins lie between enrolment and today."));
            }
            else if ((checkInsPerDay[c.Day] = checkInsPerDay.GetValueOrDefault(c.Day) + 1) > EmployeeState.MaxCheckInsPerDay)
            {
                all.Add(new FieldError($"checkIns[{i}].day", "day_full", $"At most {EmployeeState.MaxCheckInsPerDay} check-ins a day."));
            }
        }

        if (all.Count > 0)
        {
            return Outcome<EmployeeStatus>.Invalid(all);
        }

        StartEnrolment(history.Enrolment, config, history.EnrolledOn);
        S.Screening = history.Screening;
        S.ScreeningOutcome = ScreeningRules.Evaluate(history.Screening);
        S.ScreenedAt = history.EnrolledOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        if (S.ScreeningOutcome.Held)
        {
            S.Pauses.Add(new PauseRange(history.EnrolledOn, null, PauseKind.ScreeningHold));
        }

        S.Sessions.AddRange(history.Sessions.DistinctBy(s => s.ClientSessionId).OrderBy(s => s.Day));
        SharedExercises.ShareAll(S.Sessions);
        S.CheckIns.AddRange(history.CheckIns.DistinctBy(c => c.ClientCheckInId).OrderBy(c => c.At));
        await CommitAsync(force: true);
        await ScheduleReviewAsync();
        return Outcome<EmployeeStatus>.Ok(Status());
    }

    public async Task<Outcome<EmployeeStatus>> MoveToDepartmentAsync(string department)
    {
        if (!S.Enrolled)
        {
            return NotEnrolled<EmployeeStatus>();
        }

        var config = await GrainFactory.GetGrain<ITenantGrain>(TenantId).GetConfigAsync();
        if (config is null || !config.Departments.Contains(department))
        {
            return Outcome<EmployeeStatus>.Invalid(new FieldError("department", "unknown_department", "Choose one of the tenant's departments."));
        }

        var today = Today;
        if (S.Departments[^1].Department != department)
        {
            if (!await MakeRoomForDepartmentAsync(today))
            {
                return TooManyMoves<EmployeeStatus>();
            }

            S.Departments.RemoveAll(d => d.From == today);
            if (S.Departments.Count == 0 || S.Departments[^1].Department != department)
            {
                S.Departments.Add(new DepartmentPeriod(department, today));
            }

            await CommitAsync(force: true);
        }

        return Outcome<EmployeeStatus>.Ok(Status());
    }

    public async Task<Outcome<EmployeeStatus>> SetCaseWorkerConsentAsync(bool granted)
    {
        if (!S.Enrolled)
        {
            return NotEnrolled<EmployeeStatus>();
        }

        if (S.CaseWorkerConsent != granted)
        {
            S.CaseWorkerConsent = granted;
            await CommitAsync(force: true);
        }

        return Outcome<EmployeeStatus>.Ok(Status());
    }

    public async Task<ContributionSnapshot> ReconcileAsync()
    {
        if (!S.Enrolled)
        {
            return new ContributionSnapshot(false, new Dictionary<CellKey, long>(), 0);
        }

        await CommitAsync(force: false);

        // The whole share: folded department periods count as the tenant keeps them once released.
        var share = CurrentContribution(Evaluate(Today));
        foreach (var (key, value) in MembershipFold.Counters(S.FoldedDepartments))
        {
            share[key] = share.GetValueOrDefault(key) + value;
        }

        return new ContributionSnapshot(true, share, S.Outbox.Count);
    }

    public Task<Outcome<PainTrendView>> GetConsentedPainTrendAsync()
    {
        if (!S.Enrolled)
        {
            return Task.FromResult(NotEnrolled<PainTrendView>());
        }

        if (!S.CaseWorkerConsent)
        {
            return Task.FromResult(Outcome<PainTrendView>.Conflict("no_consent", "This employee has not consented to share their pain trend with case workers."));
        }

        return Task.FromResult(Outcome<PainTrendView>.Ok(EmployeeViews.PainTrend(S, Evaluate(Today))));
    }

    /// <summary>
    /// The weekly review, early on Monday in the person's zone: time alone can close a week, break a
    /// streak or move a phase, which changes what this person contributes; any correction not yet stored
    /// by the shard is sent again; and an outbox trimmed since the last write is stored, so the shard can
    /// forget this contributor. One wake-up per person per week.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        WellnessMetrics.Woke("review");
        if (!S.Enrolled)
        {
            return;
        }

        await CommitAsync(force: _outboxTrimmed);

        // Re-anchored when a clock change moved local Monday, or when an older schedule is found.
        var next = WeeklyReview.Next(clock.GetUtcNow(), Zone, S.ContributorToken);
        if (status.Period != WeeklyReview.Period || (status.CurrentTickTime + WeeklyReview.Period - next).Duration() > TimeSpan.FromMinutes(10))
        {
            await ScheduleReviewAsync();
        }
    }

    private async Task ScheduleReviewAsync()
    {
        var now = clock.GetUtcNow();
        var due = WeeklyReview.Next(now, Zone, S.ContributorToken) - now;
        await this.RegisterOrUpdateReminder(ReviewReminder, due, WeeklyReview.Period);
    }

    /// <summary>What the stored outbox can never send again: everything below its first entry, or all issued sequences when empty.</summary>
    private long SettledThrough() => S.Outbox.Count == 0 ? S.LastSequence : S.Outbox.Min(e => e.Sequence) - 1;

    private async Task<ProgressReport> CommitAsync(bool force)
    {
        var today = Today;
        var input = Input(today);
        var report = ProgressEngine.Evaluate(input);
        var current = CurrentContribution(report, input.CheckIns);
        var changed = QueueCorrection(current, today);

        // Only after the contribution is settled: compaction stops at the first week still open, so
        // every week it folds away has already been counted in full.
        force |= HistoryCompactor.Compact(S, today, options.Value.RawHistoryDays, Input);

        // Marked offered in this write, before the shard can see it (see Outbox).
        force |= Outbox.Offer(S);
        if (force || changed)
        {
            await WriteAsync();
        }

        RecordProgressChange(report);
        await DeliverAsync();
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
            _settledThrough = SettledThrough();
            _outboxTrimmed = false;
        }
        catch (Exception ex)
        {
            LogWriteFailed(logger, ex);
            StopRetry();
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>Puts what is owed the tenant (current contribution minus what was emitted) in the outbox; false if nothing.</summary>
    private bool QueueCorrection(Dictionary<CellKey, long> current, DateOnly today)
    {
        if (S.ErasureShare is not null)
        {
            // An erasure has begun: the shard has (or will have) the leave, and nothing after it may count.
            return false;
        }

        var open = Contribution.OpenFrom(today);
        var finalBefore = open > S.FinalBefore ? open : S.FinalBefore;
        var (delta, kept) = Contribution.Diff(S.Emitted, current, S.FinalBefore, finalBefore);
        S.Emitted = kept;
        S.FinalBefore = finalBefore;
        if (delta.Count == 0)
        {
            return false;
        }

        Outbox.Queue(S, delta);
        return true;
    }

    private Dictionary<CellKey, long> CurrentContribution(ProgressReport report, IReadOnlyList<PainPoint>? pain = null) => Contribution.Compute(new ContributionInput(
        report, SessionsPerWeek(), pain ?? PainPoints(), S.Screening?.PainIntensity, S.Departments,
        S.ScreeningOutcome is null ? null : S.OnHold));

    private static (int StreakDays, int Phase) Snapshot(ProgressReport report) => (report.CurrentStreakDays, report.Phase);

    /// <summary>Counts streaks started and broken and phase moves, comparing with what this activation last saw.</summary>
    private void RecordProgressChange(ProgressReport report)
    {
        var before = _lastProgress ?? (0, report.Phase); // enrolling: no streak yet
        if (before.StreakDays == 0 && report.CurrentStreakDays > 0)
        {
            WellnessMetrics.StreaksStarted.Add(1);
        }
        else if (before.StreakDays > 0 && report.CurrentStreakDays == 0)
        {
            WellnessMetrics.StreaksBroken.Add(1);
        }

        if (report.Phase != before.Phase)
        {
            WellnessMetrics.PhaseChanges.Add(1, new KeyValuePair<string, object?>("direction", report.Phase > before.Phase ? "up" : "down"));
        }

        _lastProgress = Snapshot(report);
    }

    private async Task DeliverAsync()
    {
        // With nothing owed, the shard is called only to say it may forget this contributor.
        if (S.Outbox.Count == 0 && _settledThrough <= _reportedSettled)
        {
            StopRetry();
            return;
        }

        // An entry held back while the outbox was full is offered once there is room, stored first.
        if (Outbox.Offer(S))
        {
            try
            {
                await WriteAsync();
            }
            catch
            {
                return; // logged; this activation is dropped and the next one resends
            }
        }

        var shard = GrainFactory.GetGrain<ITenantAggregateShardGrain>(
            GrainKeys.Shard(TenantId, GrainKeys.ShardIndex(EmployeeId, S.ShardCount)));
        try
        {
            var settled = _settledThrough;
            var durable = await shard.ApplyAsync(S.ContributorToken, Outbox.Offered(S), settled);
            _reportedSettled = settled;

            // Trimmed in memory only: the next write stores the shorter outbox, and until then a resend
            // after a crash is harmless because the shard skips sequences it has applied.
            _outboxTrimmed |= S.Outbox.RemoveAll(e => e.Sequence <= durable) > 0;
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(logger, ex);
        }

        if (S.Outbox.Count > 0)
        {
            ScheduleRetry();
        }
        else
        {
            StopRetry();
        }
    }

    private void ScheduleRetry()
    {
        var interval = options.Value.OutboxRetryInterval;
        _retryTimer ??= this.RegisterGrainTimer(_ =>
        {
            WellnessMetrics.Woke("retry");
            return DeliverAsync();
        }, new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
    }

    private void StopRetry()
    {
        _retryTimer?.Dispose();
        _retryTimer = null;
    }

    private async Task<(TenantConfig? Config, List<FieldError> Errors)> ValidateEnrolmentAsync(Enrolment enrolment)
    {
        var config = await GrainFactory.GetGrain<ITenantGrain>(TenantId).GetConfigAsync();
        var errors = new List<FieldError>();
        if (config is null)
        {
            return (null, errors);
        }

        errors.AddRange(EmployeeRules.Profile(enrolment.TimeZone, enrolment.Department, enrolment.RestDays, config.Departments));
        return (config, errors);
    }

    private void StartEnrolment(Enrolment enrolment, TenantConfig config, DateOnly enrolledOn)
    {
        S.Enrolled = true;
        S.TimeZone = enrolment.TimeZone;
        S.EnrolledOn = enrolledOn;
        S.Departments = [new DepartmentPeriod(enrolment.Department, enrolledOn)];
        S.Plan = config.Plan;
        S.ShardCount = config.AggregateShards;
        S.ContributorToken = Guid.NewGuid();
        S.RestDays = enrolment.RestDays is { Count: > 0 } days ? [new RestDayRule(enrolledOn, [.. days.Distinct()])] : [];
    }

    private void SetRestDayRule(IReadOnlyList<DayOfWeek>? days, DateOnly today)
    {
        // From next Monday: changing rest days must not rewrite a week already under way.
        var from = LocalCalendar.WeekStart(today).AddDays(7);
        var wanted = (days ?? []).Distinct().Order().ToList();
        var currentRule = S.RestDays.Where(r => r.EffectiveFrom <= from).MaxBy(r => r.EffectiveFrom);
        if ((currentRule?.Days ?? []).Order().SequenceEqual(wanted))
        {
            return;
        }

        S.RestDays.RemoveAll(r => r.EffectiveFrom >= from);
        S.RestDays.Add(new RestDayRule(from, wanted));
    }

    /// <summary>
    /// Before a move adds a department period: at the cap, folds the periods that ended in weeks the
    /// tenant has released. False, with nothing changed, when that leaves no room.
    /// </summary>
    private async Task<bool> MakeRoomForDepartmentAsync(DateOnly today)
    {
        // A move on the day of the last one replaces it rather than adding a period.
        var kept = S.Departments.Count(d => d.From != today);
        if (kept < EmployeeState.MaxDepartmentPeriods)
        {
            return true;
        }

        var releasedThrough = await GrainFactory.GetGrain<ITenantGrain>(TenantId).GetReleasedThroughAsync();
        var fold = MembershipFold.Foldable(S.Departments, releasedThrough);
        var tally = MembershipFold.Tally(S.FoldedDepartments, S.Departments.Take(fold));
        if (kept - fold >= EmployeeState.MaxDepartmentPeriods || tally.Count > EmployeeState.MaxFoldedDepartments)
        {
            return false;
        }

        // What the folded periods contributed leaves what this grain remembers emitting, exactly as it
        // leaves the recomputed share: the difference the shard is sent is unchanged (zero).
        foreach (var (key, value) in MembershipFold.Contributed(S.Departments, fold))
        {
            var left = S.Emitted.GetValueOrDefault(key) - value;
            if (left == 0)
            {
                S.Emitted.Remove(key);
            }
            else
            {
                S.Emitted[key] = left;
            }
        }

        S.FoldedDepartments = tally;
        S.Departments.RemoveRange(0, fold);
        return true;
    }

    private ProgressReport Evaluate(DateOnly today) => ProgressEngine.Evaluate(Input(today));

    private ProgressInput Input(DateOnly today) => new(
        S.EnrolledOn, today, S.Sessions.Select(s => s.Day).ToHashSet(), PainPoints(), S.Screening?.PainIntensity, S.Pauses, S.RestDays, S.Plan,
        S.History.Checkpoint, S.History.CheckInsCompacted);

    private List<PainPoint> PainPoints() => PainLog.Points(PainLog.Merge(S.Sessions, S.CheckIns));

    private Dictionary<DateOnly, int> SessionsPerWeek() =>
        S.Sessions.GroupBy(s => LocalCalendar.WeekStart(s.Day)).ToDictionary(g => g.Key, g => g.Count());

    private EmployeeStatus Status() => EmployeeViews.Status(S, Today);

    private DateOnly LocalDayIn(string zoneId) =>
        LocalCalendar.LocalDay(clock.GetUtcNow(), LocalCalendar.TryFindZone(zoneId, out var zone) ? zone : TimeZoneInfo.Utc);

    private static Outcome<T> NotEnrolled<T>() =>
        Outcome<T>.NotFound("not_enrolled", "This person has not enrolled in the programme.");

    private static Outcome<T> CountersUnreachable<T>() =>
        Outcome<T>.Conflict("counters_unreachable",
            "Your employer's anonymous counters have not been reachable for a long time; nothing was recorded. Please try again later.");

    private static Outcome<T> TooManyMoves<T>() =>
        Outcome<T>.Conflict("too_many_department_moves",
            $"This person has {EmployeeState.MaxDepartmentPeriods} department moves in weeks not yet released to HR; move them again after the next weekly release.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Employee state write failed; the activation is dropped so the next call reloads from storage")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivering aggregate corrections failed; they stay in the outbox and are resent")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception);
}
