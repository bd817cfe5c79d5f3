using Microsoft.AspNetCore.Http.HttpResults;
using WellnessPlatform.Contracts.Identity;
using WellnessPlatform.Host.Api.Requests;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Api;

/// <summary>
/// An employer's own OpenID Connect provider (docs/identity.md): once registered, tokens it issues for
/// the given audience act for this tenant only, with the roles the mapping grants.
/// </summary>
public static class IdentityProviderApi
{
    public static RouteGroupBuilder MapIdentityProviderApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tenants/{tenantId}/identity-provider")
            .AddEndpointFilter<RouteIdsFilter>()
            .RequireAccess(AccessRule.TenantSettings)
            .WithTags("Administration");
        api.MapPut("/", Register).WithName("RegisterIdentityProvider")
            .WithSummary("Register (or replace) the employer's OpenID Connect provider: its discovery document is read to check the issuer. Its tokens then act for this tenant only.");
        api.MapGet("/", Get).WithName("GetIdentityProvider").WithSummary("The employer's registered OpenID Connect provider.");
        api.MapDelete("/", Remove).WithName("RemoveIdentityProvider").WithSummary("Remove the employer's provider; its tokens are refused from then on.");
        return api;
    }

    private static async Task<Results<Ok<IdentityProviderResponse>, ProblemHttpResult>> Register(
        string tenantId, IdentityProviderRequest body, IdentityProviderRegistrar registrar, CancellationToken cancellationToken) =>
        (await registrar.RegisterAsync(tenantId, body, cancellationToken)).ToHttp(ToResponse);

    private static async Task<Results<Ok<IdentityProviderResponse>, ProblemHttpResult>> Get(string tenantId, IdentityProviderRegistrar registrar) =>
        await registrar.GetAsync(tenantId) is { } registration
            ? TypedResults.Ok(ToResponse(registration))
            : OutcomeResults.Problem(StatusCodes.Status404NotFound, "identity_provider_not_found", "This employer has not registered an identity provider; its people sign in through the platform's.");

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(string tenantId, IdentityProviderRegistrar registrar) =>
        await registrar.RemoveAsync(tenantId)
            ? TypedResults.NoContent()
            : OutcomeResults.Problem(StatusCodes.Status404NotFound, "identity_provider_not_found", "This employer has not registered an identity provider.");

    private static IdentityProviderResponse ToResponse(IdentityProviderRegistration registration) =>
        new(registration.Issuer, registration.Audience, new ClaimMappingResponse(registration.Claims.SubjectClaim, registration.Claims.RoleClaim, registration.Claims.Roles), registration.RegisteredAt);
}
