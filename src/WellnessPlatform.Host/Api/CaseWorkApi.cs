using System.Security.Claims;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Domain;
using WellnessPlatform.Host.Api.Requests;
using WellnessPlatform.Host.Audit;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Api;

/// <summary>Occupational-health case work: the incident queue and cases, clearance, restrictions, consented pain trends. Every read and change is audit-logged.</summary>
public static class CaseWorkApi
{
    public static RouteGroupBuilder MapCaseWorkApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tenants/{tenantId}")
            .AddEndpointFilter<RouteIdsFilter>()
            .RequireAccess(AccessRule.CaseWorker)
            .WithTags("Case work");

        api.MapGet("/incidents", GetQueue).WithName("GetIncidentQueue").WithSummary("The incident queue, newest first; filter by status and age in days.");
        api.MapGet("/incidents/{incidentId}", GetCase).WithName("GetIncident").WithSummary("One case with its report and timeline.");
        api.MapPost("/incidents/{incidentId}/transitions", Transition).WithName("TransitionIncident").WithSummary("Move a case along its workflow.");
        api.MapPut("/employees/{employeeId}/clearance", RecordClearance).WithName("RecordClearance").WithSummary("Clear a person to exercise: lifts a screening hold.");
        api.MapPut("/employees/{employeeId}/restrictions", SetRestrictions).WithName("SetRestrictions").WithSummary("Restrict single exercises for a person.");
        api.MapGet("/employees/{employeeId}/pain-trend", GetPainTrend).WithName("GetConsentedPainTrend").WithSummary("A person's pain trend, only while they consent.");
        return api;
    }

    private static IIncidentGrain Incident(IGrainFactory grains, string tenantId, string incidentId) =>
        grains.GetGrain<IIncidentGrain>(GrainKeys.Incident(tenantId, incidentId));

    private static async Task<IResult> GetQueue(string tenantId, IGrainFactory grains, AuditLog audit, ClaimsPrincipal caller, string? status, int? maxAgeDays)
    {
        var errors = new List<FieldError>();
        var parsed = RequestParsing.Enum<IncidentStatus>(status, "status", errors);
        if (maxAgeDays is < 0 or > 3650)
        {
            errors.Add(new FieldError("maxAgeDays", "out_of_range", "Give an age from 0 to 3650 days."));
        }

        if (errors.Count > 0)
        {
            return OutcomeResults.Invalid(errors);
        }

        var queue = await grains.GetGrain<IIncidentIndexGrain>(GrainKeys.IncidentIndex(tenantId)).QueryAsync(parsed, maxAgeDays, null);
        await audit.AppendAsync(tenantId, caller, "incident.queue.read", "queue", $"{queue.Count} case(s)");
        return TypedResults.Ok(queue);
    }

    private static async Task<IResult> GetCase(string tenantId, string incidentId, IGrainFactory grains, AuditLog audit, ClaimsPrincipal caller)
    {
        var outcome = await Incident(grains, tenantId, incidentId).GetAsync();
        if (outcome.IsOk)
        {
            await audit.AppendAsync(tenantId, caller, "incident.read", incidentId);
        }

        return outcome.ToHttp();
    }

    private static async Task<IResult> Transition(string tenantId, string incidentId, TransitionRequest body, IGrainFactory grains, AuditLog audit, ClaimsPrincipal caller)
    {
        var errors = new List<FieldError>();
        var to = RequestParsing.Enum<IncidentStatus>(RequestParsing.Required(body.To, "to", errors), "to", errors);
        if (errors.Count > 0 || to is null)
        {
            return OutcomeResults.Invalid(errors);
        }

        var outcome = await Incident(grains, tenantId, incidentId).TransitionAsync(to.Value, caller.Subject(), body.Note);
        if (outcome.IsOk)
        {
            await audit.AppendAsync(tenantId, caller, "incident.transition", incidentId, to.Value.ToString());
        }

        return outcome.ToHttp();
    }

    private static async Task<IResult> RecordClearance(string tenantId, string employeeId, ClearanceRequest body, IGrainFactory grains, AuditLog audit, ClaimsPrincipal caller)
    {
        var outcome = await EmployeeApi.Employee(grains, tenantId, employeeId).RecordClearanceAsync(caller.Subject());
        if (outcome.IsOk)
        {
            await audit.AppendAsync(tenantId, caller, "clearance.recorded", employeeId, body.Note);
        }

        return outcome.ToHttp();
    }

    private static async Task<IResult> SetRestrictions(string tenantId, string employeeId, RestrictionsRequest body, IGrainFactory grains, AuditLog audit, ClaimsPrincipal caller)
    {
        var outcome = await EmployeeApi.Employee(grains, tenantId, employeeId).SetRestrictionsAsync(body.ExerciseIds ?? []);
        if (outcome.IsOk)
        {
            await audit.AppendAsync(tenantId, caller, "restrictions.set", employeeId, string.Join(",", body.ExerciseIds ?? []));
        }

        return outcome.ToHttp();
    }

    private static async Task<IResult> GetPainTrend(string tenantId, string employeeId, IGrainFactory grains, AuditLog audit, ClaimsPrincipal caller)
    {
        var outcome = await EmployeeApi.Employee(grains, tenantId, employeeId).GetConsentedPainTrendAsync();
        if (outcome.Code == "no_consent")
        {
            return OutcomeResults.Problem(StatusCodes.Status403Forbidden, "no_consent", outcome.Detail!);
        }

        if (outcome.IsOk)
        {
            await audit.AppendAsync(tenantId, caller, "pain-trend.read", employeeId);
        }

        return outcome.ToHttp();
    }
}
