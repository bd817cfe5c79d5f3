using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.Tokens;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Identity;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;
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
        string tenantId, IdentityProviderRequest body, IGrainFactory grains, AuthSettings settings, IssuerKeys keys, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (body.ToRegistration(settings.RequireHttpsMetadata, clock.GetUtcNow(), errors) is not { } registration)
        {
            return OutcomeResults.Invalid(errors);
        }

        if (await grains.GetGrain<ITenantGrain>(tenantId).GetConfigAsync() is null)
        {
            return OutcomeResults.Problem(StatusCodes.Status404NotFound, "tenant_not_found", "This employer is not set up on the platform.");
        }

        if (IsPlatformIssuer(registration.Issuer, settings))
        {
            return OutcomeResults.Invalid([new FieldError("issuer", "reserved", "This is the platform's own provider; register the employer's provider instead.")]);
        }

        // Read the discovery document now, so a mistyped issuer is found by the admin, not by every sign-in.
        try
        {
            var discovery = await keys.ReadOnceAsync(registration.Issuer, cancellationToken);
            if (discovery.SigningKeys.Count == 0)
            {
                return OutcomeResults.Invalid([new FieldError("issuer", "no_keys", "The provider's discovery document leads to no signing keys (jwks_uri).")]);
            }
        }
        catch (SecurityTokenInvalidIssuerException mismatch)
        {
            return OutcomeResults.Invalid([new FieldError("issuer", "mismatch", mismatch.Message)]);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return OutcomeResults.Invalid([new FieldError("issuer", "unreachable", $"The discovery document at {registration.Issuer.TrimEnd('/')}/.well-known/openid-configuration could not be read.")]);
        }

        return (await grains.GetGrain<IIdentityProviderGrain>(GrainKeys.IdentityProvider(tenantId)).SetAsync(registration)).ToHttp(ToResponse);
    }

    private static async Task<Results<Ok<IdentityProviderResponse>, ProblemHttpResult>> Get(string tenantId, IGrainFactory grains) =>
        await grains.GetGrain<IIdentityProviderGrain>(GrainKeys.IdentityProvider(tenantId)).GetAsync() is { } registration
            ? TypedResults.Ok(ToResponse(registration))
            : OutcomeResults.Problem(StatusCodes.Status404NotFound, "identity_provider_not_found", "This employer has not registered an identity provider; its people sign in through the platform's.");

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(string tenantId, IGrainFactory grains) =>
        await grains.GetGrain<IIdentityProviderGrain>(GrainKeys.IdentityProvider(tenantId)).RemoveAsync()
            ? TypedResults.NoContent()
            : OutcomeResults.Problem(StatusCodes.Status404NotFound, "identity_provider_not_found", "This employer has not registered an identity provider.");

    private static bool IsPlatformIssuer(string issuer, AuthSettings settings) =>
        string.Equals(issuer, settings.Authority, StringComparison.Ordinal) || (settings.Issuer.Length > 0 && string.Equals(issuer, settings.Issuer, StringComparison.Ordinal));

    private static IdentityProviderResponse ToResponse(IdentityProviderRegistration registration) =>
        new(registration.Issuer, registration.Audience, new ClaimMappingResponse(registration.Claims.SubjectClaim, registration.Claims.RoleClaim, registration.Claims.Roles), registration.RegisteredAt);
}
