using WellnessPlatform.Grains.Audit;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Api;

/// <summary>Case workers and tenant admins page through their tenant's audit log. There is no route that changes it.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tenants/{tenantId}/audit")
            .AddEndpointFilter<RouteIdsFilter>()
            .WithTags("Audit");
        api.MapGet("/", async (string tenantId, AuditLog audit, int? pageSize, string? continuationToken) =>
                TypedResults.Ok((await audit.PageAsync(tenantId, pageSize ?? 50, continuationToken)).ToResponse()))
            .RequireAccess(AccessRule.AuditReader)
            .WithName("GetAuditLog")
            .WithSummary("The tenant's audit log, newest first; pass continuationToken for the next page.");
        return api;
    }
}
