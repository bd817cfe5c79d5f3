using Microsoft.Extensions.Logging;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Incidents;

namespace WellnessPlatform.Grains.Incidents;

/// <summary>
/// One incident case and its workflow; every change is stamped with who and when. The case's line in the
/// tenant's queue (<see cref="IIncidentIndexGrain"/>) is written after each change and again on each
/// activation, so a line missed by a failed write, or a case from before the queue table, is written
/// the next time the case is used. Its entries in the work queue follow the same path (IncidentGrain.CareQueue.cs).
/// </summary>
[GrainType(GrainTypes.Incident)]
public sealed partial class IncidentGrain(
    [PersistentState(StorageNames.IncidentState, StorageNames.GrainState)] IPersistentState<IncidentState> state,
    TimeProvider clock,
    ILogger<IncidentGrain> logger) : Grain, IIncidentGrain
{
    public const int MaxTextLength = IncidentState.MaxTextLength;

    /// <summary>OSHA asks for the employer's Form 301 within seven calendar days.</summary>
    public static readonly TimeSpan Form301Window = TimeSpan.FromDays(7);

    private string TenantId => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    private string IncidentId => GrainKeys.LocalPart(this.GetPrimaryKeyString())["incident-".Length..];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Report is null)
        {
            return;
        }

        try
        {
            await Index().UpsertAsync(Summary()); // unchanged lines cost two point reads, no write
            await ListAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogIndexFailed(logger, ex); // the case itself is fine; its next change writes the line again
        }
    }

    public async Task<Outcome<IncidentCase>> ReportAsync(string employeeId, IncidentReport report)
    {
        if (state.State.Report is not null)
        {
            if (state.State.EmployeeId != employeeId || state.State.Report != report)
            {
                return Outcome<IncidentCase>.Conflict("incident_exists", "This report id was already used for a different report.");
            }

            await IndexAsync(); // a retry after a failed queue write completes it
            return Outcome<IncidentCase>.Ok(Case());
        }

        var errors = Validate(report, clock.GetUtcNow());
        AddIfTooLong(employeeId, "employeeId", errors);
        if (errors.Count > 0)
        {
            return Outcome<IncidentCase>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        state.State.EmployeeId = employeeId;
        state.State.Report = report;
        state.State.ReportedAt = now;
        state.State.Timeline = [new IncidentTransition(IncidentStatus.Reported, now, employeeId, null)];
        await state.WriteStateAsync();
        CountStatus(IncidentStatus.Reported);
        await IndexAsync();
        await ScheduleForm301NoticeAsync();
        return Outcome<IncidentCase>.Ok(Case());
    }

    public Task<Outcome<IncidentCase>> GetAsync() =>
        Task.FromResult(state.State.Report is null
            ? Outcome<IncidentCase>.NotFound("incident_not_found", "There is no such incident.")
            : Outcome<IncidentCase>.Ok(Case()));

    public async Task<Outcome<IncidentCase>> DisconnectReporterAsync(string employeeId, string erasureReference)
    {
        if (state.State.Report is null || state.State.EmployeeId != employeeId)
        {
            return Outcome<IncidentCase>.NotFound("not_reporter", "This case was not reported by that person.");
        }

        var errors = new List<FieldError>();
        AddIfTooLong(erasureReference, "erasureReference", errors);
        if (errors.Count > 0)
        {
            return Outcome<IncidentCase>.Invalid(errors);
        }

        // The report itself stays for the case workers; only the link to the account goes.
        var timeline = state.State.Timeline;
        state.State.EmployeeId = erasureReference;
        state.State.Timeline = [.. timeline.Select(t => t.Actor == employeeId ? t with { Actor = erasureReference } : t)];
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored: this activation must not answer as if it were, or the erasure's retry would find
            // the case no longer the person's and leave the stored one naming them.
            (state.State.EmployeeId, state.State.Timeline) = (employeeId, timeline);
            DeactivateOnIdle();
            throw;
        }

        await IndexAsync();
        return Outcome<IncidentCase>.Ok(Case());
    }

    public async Task<Outcome<IncidentCase>> TransitionAsync(IncidentStatus target, string actor, string? note, DateOnly? until = null)
    {
        if (state.State.Report is null)
        {
            return Outcome<IncidentCase>.NotFound("incident_not_found", "There is no such incident.");
        }

        var errors = new List<FieldError>();
        if (note?.Length > MaxTextLength)
        {
            errors.Add(new FieldError("note", "too_long", $"Notes are at most {MaxTextLength} characters."));
        }

        AddIfTooLong(actor, "actor", errors);
        if (RestrictedDuty.Validate(target, until, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) is { } untilError)
        {
            errors.Add(untilError);
        }

        if (errors.Count > 0)
        {
            return Outcome<IncidentCase>.Invalid(errors);
        }

        var from = state.State.Timeline[^1].Status;
        if (!IncidentWorkflow.IsAllowed(from, target))
        {
            var allowed = IncidentWorkflow.AllowedFrom(from);
            return Outcome<IncidentCase>.Conflict("transition_not_allowed",
                $"A case that is {from} can move to {(allowed.Count == 0 ? "nothing: it is closed" : string.Join(" or ", allowed))}, not {target}.");
        }

        if (state.State.Timeline.Count >= IncidentState.MaxTimelineEntries)
        {
            return Outcome<IncidentCase>.Conflict("timeline_full",
                $"A case's timeline holds at most {IncidentState.MaxTimelineEntries} steps; open a new case for further work.");
        }

        state.State.Timeline.Add(new IncidentTransition(target, clock.GetUtcNow(), actor, note));
        state.State.RestrictedUntil = target == IncidentStatus.RestrictedDuty ? until : state.State.RestrictedUntil;
        await state.WriteStateAsync();
        CountStatus(target);
        await IndexAsync();
        if (target == IncidentStatus.Closed)
        {
            await EndTreatmentAsync(actor);
        }

        return Outcome<IncidentCase>.Ok(Case());
    }

    private static void CountStatus(IncidentStatus status) =>
        WellnessMetrics.IncidentTransitions.Add(1, new KeyValuePair<string, object?>("status", status.ToString()));

    private async Task IndexAsync()
    {
        try
        {
            await Index().UpsertAsync(Summary());
        }
        catch
        {
            // The case is stored but its queue line is not: a fresh activation writes the line again.
            DeactivateOnIdle();
            throw;
        }

        await ListAsync();
    }

    private IIncidentIndexGrain Index() => GrainFactory.GetGrain<IIncidentIndexGrain>(GrainKeys.IncidentIndex(TenantId));

    private IncidentSummary Summary()
    {
        var c = Case();
        return new IncidentSummary(c.IncidentId, c.EmployeeId, c.Status, c.ReportedAt, c.Report.OccurredAt, c.Report.PrivacyCase, c.Form301DueBy);
    }

    private IncidentCase Case()
    {
        var s = state.State;
        var status = s.Timeline[^1].Status;
        return new IncidentCase(IncidentId, s.EmployeeId!, s.Report!, s.ReportedAt, status, s.Timeline,
            s.ReportedAt + Form301Window, IncidentWorkflow.AllowedFrom(status), s.RestrictedUntil);
    }

    private static List<FieldError> Validate(IncidentReport report, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (report.OccurredAt > now.AddMinutes(5))
        {
            errors.Add(new FieldError("occurredAt", "in_future", "An incident cannot have happened in the future."));
        }
        else if (report.OccurredAt < now.AddYears(-3))
        {
            errors.Add(new FieldError("occurredAt", "too_old", "Report incidents of the last three years here; older ones go to your case worker directly."));
        }

        Text(report.Location, "location", errors);
        Text(report.Activity, "activity", errors);
        Text(report.WhatHappened, "whatHappened", errors);
        Text(report.Injury, "injury", errors);
        Text(report.BodyPart, "bodyPart", errors);
        if (!Enum.IsDefined(report.Treatment))
        {
            errors.Add(new FieldError("treatment", "invalid", "Treatment must be none, firstAid, clinician, emergencyRoom or hospitalized."));
        }

        return errors;
    }

    private static void AddIfTooLong(string value, string field, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(value) || value.Length > IncidentState.MaxActorLength)
        {
            errors.Add(new FieldError(field, "invalid", $"'{field}' is 1–{IncidentState.MaxActorLength} characters."));
        }
    }

    private static void Text(string? value, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "required", $"'{field}' is required."));
        }
        else if (value.Length > MaxTextLength)
        {
            errors.Add(new FieldError(field, "too_long", $"'{field}' is at most {MaxTextLength} characters."));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An incident's queue line could not be written on activation; its next change writes it")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception);
}
