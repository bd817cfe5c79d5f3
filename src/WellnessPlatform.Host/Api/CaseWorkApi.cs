using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.CareQueue;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.CareQueue;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Grains.CaseWork;
using WellnessPlatform.Host.Api.Requests;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.CaseWork;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Api;

/// <summary>Occupational-health case work: the work queue, the incident queue and cases, clearance, restrictions, the care track, consented pain trends. Every read and change is audit-logged.</summary>
public static class CaseWorkApi
{
    public static RouteGroupBuilder MapCaseWorkApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tenants/{tenantId}")
            .AddEndpointFilter<RouteIdsFilter>()
            .RequireAccess(AccessRule.CaseWorker)
            .WithTags("Case work");

        api.MapGet("/incidents", GetQueue).WithName("GetIncidentQueue").WithSummary("The incident queue, newest first, a page at a time (pageSize 1–200, default 50; pass continuationToken for the next page); filter by status and age in days.");
        api.MapGet("/care-queue", GetWorkQueue).WithName("GetCareQueue").WithSummary("The work queue: counts of every kind and a page of one kind (awaitingClearance by default, painRising, form301Due, restrictedDuty, newIncident; pageSize 1–200, default 50; continuationToken for the next page), each entry with the routes that act on it.");
        api.MapGet("/incidents/{incidentId}", GetCase).WithName("GetIncident").WithSummary("One case with its report and timeline.");
        api.MapPost("/incidents/{incidentId}/transitions", Transition).WithName("TransitionIncident").WithSummary("Move a case along its workflow; a move to restricted duty may give its last day (until, yyyy-MM-dd: from today, within 365 days).");
        api.MapPut("/employees/{employeeId}/clearance", RecordClearance).WithName("RecordClearance").WithSummary("Clear a person to exercise: lifts a screening hold.");
        api.MapPut("/employees/{employeeId}/restrictions", SetRestrictions).WithName("SetRestrictions").WithSummary("Restrict single exercises for a person.");
        api.MapPut("/employees/{employeeId}/track", SetTrack).WithName("SetCareTrack").WithSummary("Move a person to the clinician-directed track (track \"therapeutic\", with incidentId: one of their open work-related cases, and directedBy: the clinician's name and role) or back to \"wellness\" from tomorrow. Treatment is recorded on the case and kept out of the employer's wellness figures.");
        api.MapGet("/employees/{employeeId}/pain-trend", GetPainTrend).WithName("GetConsentedPainTrend").WithSummary("A person's pain trend, only while they consent.");
        return api;
    }

    private static async Task<Results<Ok<IncidentQueueResponse>, ProblemHttpResult>> GetQueue(string tenantId, AuditedCaseWork caseWork, ClaimsPrincipal caller, string? status, int? maxAgeDays,
        int? pageSize, string? continuationToken)
    {
        var errors = new List<FieldError>();
        var parsed = RequestParsing.Enum<IncidentStatus>(status, "status", errors);
        if (maxAgeDays is < 0 or > 3650)
        {
            errors.Add(new FieldError("maxAgeDays", "out_of_range", "Give an age from 0 to 3650 days."));
        }

        IncidentPaging.Validate(pageSize, continuationToken, errors);
        return errors.Count > 0
            ? OutcomeResults.Invalid(errors)
            : TypedResults.Ok((await caseWork.ReadQueueAsync(tenantId, caller.Actor(),
                new IncidentQueueQuery(parsed, maxAgeDays, null, pageSize ?? IncidentQueueQuery.DefaultPageSize, continuationToken))).ToResponse());
    }

    private static async Task<Results<Ok<CareQueueResponse>, ProblemHttpResult>> GetWorkQueue(string tenantId, AuditedCaseWork caseWork, ClaimsPrincipal caller, string? kind, int? pageSize, string? continuationToken)
    {
        var errors = new List<FieldError>();
        var parsed = RequestParsing.Enum<CareQueueKind>(kind, "kind", errors) ?? CareQueueKind.AwaitingClearance;
        IncidentPaging.Validate(pageSize, continuationToken, errors);
        if (errors.Count > 0)
        {
            return OutcomeResults.Invalid(errors);
        }

        var (page, counts) = await caseWork.ReadWorkQueueAsync(tenantId, caller.Actor(), new CareQueueQuery(parsed, pageSize ?? CareQueueQuery.DefaultPageSize, continuationToken));
        return TypedResults.Ok(page.ToResponse(tenantId, parsed, counts));
    }

    private static async Task<Results<Ok<IncidentCaseResponse>, ProblemHttpResult>> GetCase(string tenantId, string incidentId, AuditedCaseWork caseWork, ClaimsPrincipal caller) =>
        (await caseWork.ReadCaseAsync(tenantId, caller.Actor(), incidentId)).ToHttp(IncidentMapping.ToResponse);

    private static async Task<Results<Ok<IncidentCaseResponse>, ProblemHttpResult>> Transition(string tenantId, string incidentId, TransitionRequest body, AuditedCaseWork caseWork, ClaimsPrincipal caller)
    {
        var errors = new List<FieldError>();
        var to = RequestParsing.Enum<IncidentStatus>(RequestParsing.Required(body.To, "to", errors), "to", errors);
        return errors.Count > 0 || to is null
            ? OutcomeResults.Invalid(errors)
            : (await caseWork.TransitionAsync(tenantId, caller.Actor(), incidentId, to.Value, body.Note, body.Until)).ToHttp(IncidentMapping.ToResponse);
    }

    private static async Task<Results<Ok<EmployeeStatusResponse>, ProblemHttpResult>> RecordClearance(string tenantId, string employeeId, ClearanceRequest body, AuditedCaseWork caseWork, ClaimsPrincipal caller) =>
        (await caseWork.ClearAsync(tenantId, caller.Actor(), employeeId, body.Note)).ToHttp(EmployeeMapping.ToResponse);

    private static async Task<Results<Ok<EmployeeStatusResponse>, ProblemHttpResult>> SetRestrictions(string tenantId, string employeeId, RestrictionsRequest body, AuditedCaseWork caseWork, ClaimsPrincipal caller) =>
        (await caseWork.RestrictAsync(tenantId, caller.Actor(), employeeId, body.ExerciseIds ?? [])).ToHttp(EmployeeMapping.ToResponse);

    private static async Task<Results<Ok<EmployeeStatusResponse>, ProblemHttpResult>> SetTrack(string tenantId, string employeeId, TrackRequest body, AuditedCaseWork caseWork, ClaimsPrincipal caller)
    {
        var errors = new List<FieldError>();
        var track = RequestParsing.Enum<CareTrack>(RequestParsing.Required(body.Track, "track", errors), "track", errors);
        if (track == CareTrack.Therapeutic)
        {
            var incident = RequestParsing.Required(body.IncidentId, "incidentId", errors);
            if (incident.Length > 0 && !GrainKeys.IsValidId(incident))
            {
                errors.Add(new FieldError("incidentId", "invalid", "Not a case id."));
            }

            if (RequestParsing.Required(body.DirectedBy, "directedBy", errors).Trim().Length > EmployeeRecord.MaxDirectedByLength)
            {
                errors.Add(new FieldError("directedBy", "too_long", $"Name the clinician in at most {EmployeeRecord.MaxDirectedByLength} characters."));
            }
        }

        if (errors.Count > 0 || track is null)
        {
            return OutcomeResults.Invalid(errors);
        }

        var outcome = track == CareTrack.Therapeutic
            ? await caseWork.MoveToTherapeuticAsync(tenantId, caller.Actor(), employeeId, body.IncidentId!, body.DirectedBy!.Trim())
            : await caseWork.ReturnToWellnessAsync(tenantId, caller.Actor(), employeeId);
        return outcome.ToHttp(EmployeeMapping.ToResponse);
    }

    private static async Task<Results<Ok<PainTrendResponse>, ProblemHttpResult>> GetPainTrend(string tenantId, string employeeId, AuditedCaseWork caseWork, ClaimsPrincipal caller)
    {
        var outcome = await caseWork.ReadPainTrendAsync(tenantId, caller.Actor(), employeeId);
        return outcome.Code == "no_consent"
            ? OutcomeResults.Problem(StatusCodes.Status403Forbidden, "no_consent", outcome.Detail!)
            : outcome.ToHttp(EmployeeMapping.ToResponse);
    }
}
