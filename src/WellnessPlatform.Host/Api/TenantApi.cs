using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;
using WellnessPlatform.Host.Api.Requests;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Api;

/// <summary>Employer routes: settings and links, and the HR dashboard (anonymized adherence and incident counts).</summary>
public static class TenantApi
{
    public const int DefaultWeeks = 8;

    public static RouteGroupBuilder MapTenantApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tenants/{tenantId}")
            .AddEndpointFilter<RouteIdsFilter>()
            .WithTags("Tenant");

        api.MapPut("/", Configure).RequireAccess(AccessRule.TenantSettings)
            .WithName("ConfigureTenant").WithSummary("Create a tenant (operator) or update its settings (operator or tenant admin).");
        api.MapGet("/", GetConfig).RequireAccess(AccessRule.TenantMember)
            .WithName("GetTenant").WithSummary("The tenant's settings, including the incident-reporting and workers'-compensation links; the case-work address only for tenant admins, case workers and operators.");
        api.MapGet("/adherence", GetAdherence).RequireAccess(AccessRule.TenantHr)
            .WithName("GetAdherence").WithSummary("HR dashboard: anonymized adherence per ISO week and department, incident counts, links.");
        return api;
    }

    private static async Task<Results<Ok<TenantResponse>, ProblemHttpResult>> Configure(string tenantId, TenantRequest body, IGrainFactory grains, ClaimsPrincipal user)
    {
        var errors = new List<FieldError>();
        var config = body.ToConfig(errors);
        if (errors.Count > 0)
        {
            return OutcomeResults.Invalid(errors);
        }

        var tenant = grains.GetGrain<ITenantGrain>(tenantId);
        if (!user.HasClaim(ClaimNames.Role, Roles.Operator) && await tenant.GetConfigAsync() is null)
        {
            // A tenant admin's token names its tenant, but setting an employer up is the platform operator's.
            return OutcomeResults.Problem(StatusCodes.Status403Forbidden, "operator_only", "Only the platform operator sets up a new employer.");
        }

        return (await tenant.ConfigureAsync(config)).ToHttp(TenantMapping.ToResponse);
    }

    private static async Task<Results<Ok<TenantResponse>, ProblemHttpResult>> GetConfig(string tenantId, IGrainFactory grains, ClaimsPrincipal user) =>
        await grains.GetGrain<ITenantGrain>(tenantId).GetConfigAsync() is { } config
            ? TypedResults.Ok(user.SeesCaseWorkEmail() ? config.ToResponse() : config.ToResponse() with { CaseWorkEmail = null })
            : OutcomeResults.Problem(StatusCodes.Status404NotFound, "tenant_not_found", "This employer is not set up on the platform.");

    private static async Task<Results<Ok<HrDashboardResponse>, ProblemHttpResult>> GetAdherence(string tenantId, IGrainFactory grains, int? weeks)
    {
        var tenant = grains.GetGrain<ITenantGrain>(tenantId);
        var report = await tenant.GetAdherenceAsync(weeks ?? DefaultWeeks);
        if (!report.IsOk)
        {
            return report.ToProblem();
        }

        var counts = await grains.GetGrain<IIncidentIndexGrain>(GrainKeys.IncidentIndex(tenantId)).CountsAsync();
        return TypedResults.Ok(new HrDashboardResponse(report.Value!.ToResponse(), counts.ToResponse(), TenantLinks.From(await tenant.GetConfigAsync())));
    }
}
