using Microsoft.AspNetCore.Http.HttpResults;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Scim;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.Scim;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Api;

/// <summary>The tenant admin's SCIM provisioning secret: issue (or rotate) and revoke (docs/scim.md).</summary>
public static class ScimSecretApi
{
    public static RouteGroupBuilder MapScimSecretApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tenants/{tenantId}/scim-token")
            .AddEndpointFilter<RouteIdsFilter>()
            .RequireAccess(AccessRule.TenantAdmin)
            .WithTags("Administration");
        api.MapPost("/", Issue).WithName("IssueScimSecret")
            .WithSummary("Issue the tenant's SCIM provisioning secret, shown only in this answer; a previous secret stops working.");
        api.MapDelete("/", Revoke).WithName("RevokeScimSecret").WithSummary("Revoke the tenant's SCIM provisioning secret; SCIM requests are refused until a new one is issued.");
        return api;
    }

    private static async Task<Results<Ok<ScimSecretResponse>, ProblemHttpResult>> Issue(string tenantId, IGrainFactory grains, HttpContext http)
    {
        if (await grains.GetGrain<ITenantGrain>(tenantId).GetConfigAsync() is null)
        {
            return OutcomeResults.Problem(StatusCodes.Status404NotFound, "tenant_not_found", "This employer is not set up on the platform.");
        }

        var secret = await grains.GetGrain<IScimSecretGrain>(GrainKeys.ScimSecret(tenantId)).IssueAsync();
        http.Response.Headers.CacheControl = "no-store";
        var request = http.Request;
        return TypedResults.Ok(new ScimSecretResponse(secret, $"{request.Scheme}://{request.Host}{request.PathBase}{ScimPaths.Base}"));
    }

    private static async Task<NoContent> Revoke(string tenantId, IGrainFactory grains)
    {
        await grains.GetGrain<IScimSecretGrain>(GrainKeys.ScimSecret(tenantId)).RevokeAsync();
        return TypedResults.NoContent();
    }
}
