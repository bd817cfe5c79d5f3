using Microsoft.IdentityModel.Tokens;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Identity;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;
using WellnessPlatform.Host.Api.Requests;

namespace WellnessPlatform.Host.Security;

/// <summary>
/// Registers an employer's own provider for the API and the Settings page alike: the request's rules,
/// then the provider's discovery document (so a mistyped issuer is found by the admin, not by every
/// sign-in), then the grain, which refuses an issuer another tenant holds.
/// </summary>
public sealed class IdentityProviderRegistrar(IGrainFactory grains, AuthSettings settings, IssuerKeys keys, TimeProvider clock)
{
    public async Task<Outcome<IdentityProviderRegistration>> RegisterAsync(string tenantId, IdentityProviderRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (request.ToRegistration(settings.RequireHttpsMetadata, clock.GetUtcNow(), errors) is not { } registration)
        {
            return Outcome<IdentityProviderRegistration>.Invalid(errors);
        }

        if (await grains.GetGrain<ITenantGrain>(tenantId).GetConfigAsync() is null)
        {
            return Outcome<IdentityProviderRegistration>.NotFound("tenant_not_found", "This employer is not set up on the platform.");
        }

        if (settings.IsPlatformOwn(registration.Issuer))
        {
            return Outcome<IdentityProviderRegistration>.Invalid(new FieldError("issuer", "reserved", "This is the platform's own provider; register the employer's provider instead."));
        }

        if (await DiscoveryErrorAsync(registration.Issuer, cancellationToken) is { } discovery)
        {
            return Outcome<IdentityProviderRegistration>.Invalid(discovery);
        }

        return await Provider(tenantId).SetAsync(registration);
    }

    public Task<IdentityProviderRegistration?> GetAsync(string tenantId) => Provider(tenantId).GetAsync();

    public Task<bool> RemoveAsync(string tenantId) => Provider(tenantId).RemoveAsync();

    private async Task<FieldError?> DiscoveryErrorAsync(string issuer, CancellationToken cancellationToken)
    {
        try
        {
            var discovery = await keys.ReadOnceAsync(issuer, cancellationToken);
            return discovery.SigningKeys.Count == 0
                ? new FieldError("issuer", "no_keys", "The provider's discovery document leads to no signing keys (jwks_uri).")
                : null;
        }
        catch (SecurityTokenInvalidIssuerException mismatch)
        {
            return new FieldError("issuer", "mismatch", mismatch.Message);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new FieldError("issuer", "unreachable", $"The discovery document at {issuer.TrimEnd('/')}/.well-known/openid-configuration could not be read.");
        }
    }

    private IIdentityProviderGrain Provider(string tenantId) => grains.GetGrain<IIdentityProviderGrain>(GrainKeys.IdentityProvider(tenantId));
}
