using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Contracts.Rights;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Grains.Audit;
using WellnessPlatform.Grains.Incidents;

namespace WellnessPlatform.Grains.Rights;

/// <summary>
/// One person's erasure as a durable process (see <see cref="IErasureGrain"/>). Every step is
/// idempotent and its being done is stored before the next begins, so a resumed process repeats at most
/// the step that was interrupted: the employee grain and its shard count a departed person once however
/// often the first step runs, and the other steps find nothing left to change.
/// </summary>
[GrainType(GrainTypes.Erasure)]
public sealed partial class ErasureGrain(
    [PersistentState(StorageNames.ErasureState, StorageNames.GrainState)] IPersistentState<ErasureState> state,
    AuditTable audit,
    TimeProvider clock,
    IOptions<WellnessGrainOptions> options,
    ILogger<ErasureGrain> logger) : Grain, IErasureGrain, IRemindable
{
    public const string Reminder = "erasure";
    public const string ReferencePrefix = "erased-";
    public const string PendingCode = "erasure_pending";

    // The answer of the process that finished last, for a request that joined it while it ran.
    private (string Reference, Outcome<ErasureResult> Outcome)? _finished;

    private string TenantId => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    private string EmployeeId => GrainKeys.LocalPart(this.GetPrimaryKeyString())[GrainKeys.ErasurePrefix.Length..];

    /// <summary>The process as stored: its reference, who asked, and the steps done.</summary>
    private ErasureState Process => state.State;

    public async Task<string> RequestAsync(ErasureRequest request)
    {
        if (Process.Reference is { } underWay)
        {
            return underWay;
        }

        // Unreachable from a valid token; checked so the stored state keeps its bound whoever calls.
        if (request.RequestedBy.Length > ErasureState.MaxActorLength || request.Role.Length > ErasureState.MaxActorLength)
        {
            throw new ArgumentException($"The requester and role are at most {ErasureState.MaxActorLength} characters.", nameof(request));
        }

        // The reminder first: a tick that finds no process just unregisters it, whereas a process stored
        // without its reminder would wait for the next request.
        var retry = options.Value.ErasureRetryInterval;
        await this.RegisterOrUpdateReminder(Reminder, retry, retry);

        // Random, so nothing kept can be traced back to the id; the person learns it from the receipt.
        var reference = ReferencePrefix + Guid.NewGuid().ToString("N");
        var previous = state.State;
        state.State = new ErasureState
        {
            Reference = reference,
            RequestedAt = clock.GetUtcNow(),
            RequestedBy = request.RequestedBy == EmployeeId ? null : request.RequestedBy,
            Role = request.Role,
        };

        try
        {
            await WriteAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }

        return reference;
    }

    public Task<Outcome<ErasureResult>> RunAsync(string reference)
    {
        if (Process.Reference is null)
        {
            return Task.FromResult(_finished is { } done && done.Reference == reference ? done.Outcome : NothingHeld());
        }

        return ResumeAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        WellnessMetrics.Woke("erasure");
        if (Process.Reference is null)
        {
            await this.UnregisterReminderIfAnyAsync(Reminder);
            DeactivateOnIdle();
            return;
        }

        var outcome = await ResumeAsync();
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            LogStillPending(logger, outcome.Code);
        }
    }

    /// <summary>Runs the steps not done yet, in order; any failure leaves the process recorded for the reminder.</summary>
    private async Task<Outcome<ErasureResult>> ResumeAsync()
    {
        var reference = Process.Reference!;
        try
        {
            if (!Process.Done.HasFlag(ErasureSteps.Routine))
            {
                // The only step that can refuse (its shard has not answered for long); it deletes nothing then.
                var erased = await GrainFactory.GetGrain<IEmployeeGrain>(GrainKeys.Employee(TenantId, EmployeeId)).EraseAsync();
                if (erased.Kind == OutcomeKind.Conflict)
                {
                    return Outcome<ErasureResult>.Conflict(erased.Code!, $"{erased.Detail} {PendingDetail(reference)}");
                }

                Process.RoutineRemoved = erased.IsOk;
                await MarkAsync(ErasureSteps.Routine);
            }

            if (!Process.Done.HasFlag(ErasureSteps.Invitation))
            {
                Process.InvitationRemoved = await GrainFactory.GetGrain<IRosterGrain>(GrainKeys.Roster(TenantId)).RemoveAsync(EmployeeId);
                await MarkAsync(ErasureSteps.Invitation);
            }

            if (!Process.Done.HasFlag(ErasureSteps.Cases))
            {
                Process.CasesDisconnected += await DisconnectCasesAsync(reference);
                await MarkAsync(ErasureSteps.Cases);
            }

            if (!Process.Done.HasFlag(ErasureSteps.Audit))
            {
                Process.AuditEntriesChanged += await audit.PseudonymizeAsync(TenantId, EmployeeId, reference);
                Process.ErasedAt = clock.GetUtcNow();
                await MarkAsync(ErasureSteps.Audit);
            }

            var outcome = Process.FoundAnything
                ? Outcome<ErasureResult>.Ok(new ErasureResult(reference, Process.ErasedAt!.Value, Process.RoutineRemoved, Process.InvitationRemoved))
                : NothingHeld();
            if (outcome.IsOk)
            {
                await LogErasedAsync(reference, Process.ErasedAt!.Value);
            }

            await FinishAsync(reference, outcome);
            return outcome;
        }
        catch (Exception ex) when (ex is not TenantBoundaryException)
        {
            LogStepFailed(logger, ex);
            DeactivateOnIdle(); // the next attempt starts from what is stored, not from this memory
            return Outcome<ErasureResult>.Conflict(PendingCode, PendingDetail(reference));
        }
    }

    private async Task<int> DisconnectCasesAsync(string reference)
    {
        var disconnected = 0;
        foreach (var summary in await ReporterCases.AllAsync(GrainFactory, TenantId, EmployeeId))
        {
            var incident = GrainFactory.GetGrain<IIncidentGrain>(GrainKeys.Incident(TenantId, summary.IncidentId));
            if ((await incident.DisconnectReporterAsync(EmployeeId, reference)).IsOk)
            {
                disconnected++;
            }
        }

        return disconnected;
    }

    /// <summary>
    /// The erasure's own entry names only the reference (a person erasing themselves is their own actor).
    /// Its row key comes from the process, so a repeat after a lost answer meets the row instead of adding one.
    /// </summary>
    private async Task LogErasedAsync(string reference, DateTimeOffset at)
    {
        var self = Process.RequestedBy is null;
        var entry = new AuditEntry(at, Process.RequestedBy ?? reference, Process.Role, "employee.erased", reference,
            self ? "requested by the employee" : "requested through a tenant admin");
        try
        {
            await audit.InsertAsync(TenantId, entry, AuditTable.RowKey(at, reference[ReferencePrefix.Length..]));
        }
        catch (RequestFailedException ex) when (AuditTable.IsAlreadyThere(ex))
        {
            // Written by an earlier attempt.
        }
    }

    /// <summary>The state row goes first (its key names the person); a reminder left behind finds nothing and goes too.</summary>
    private async Task FinishAsync(string reference, Outcome<ErasureResult> outcome)
    {
        await state.ClearStateAsync();
        _finished = (reference, outcome);
        try
        {
            await this.UnregisterReminderIfAnyAsync(Reminder);
        }
        catch (Exception ex)
        {
            LogReminderLeft(logger, ex);
        }
    }

    private async Task MarkAsync(ErasureSteps step)
    {
        Process.Done |= step;
        await WriteAsync();
    }

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // What this activation holds may now differ from storage: the next call reads storage again.
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>What a caller hears while the erasure is recorded but not finished.</summary>
    public static string PendingDetail(string reference) =>
        $"The erasure is recorded under the reference {reference} and finishes by itself shortly; repeating the request is safe.";

    private static Outcome<ErasureResult> NothingHeld() =>
        Outcome<ErasureResult>.NotFound("not_enrolled", "Nothing is held about this person: they are not enrolled, or were erased already.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "An erasure step failed; the erasure stays recorded and its reminder resumes it")]
    private static partial void LogStepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "An erasure resumed by its reminder is still pending ({Code})")]
    private static partial void LogStillPending(ILogger logger, string? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A finished erasure's reminder could not be removed; its next tick removes it")]
    private static partial void LogReminderLeft(ILogger logger, Exception exception);
}
