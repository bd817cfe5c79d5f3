using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Identity;
using WellnessPlatform.Contracts.Isolation;

namespace WellnessPlatform.Host.Security;

/// <summary>
/// Decides whom a bearer token speaks for, by its issuer:
/// <list type="bullet">
/// <item>the platform's provider (<see cref="AuthSettings.Authority"/>): operators, and people of employers
/// without a provider of their own, with the tenant and role claims as the token carries them;</item>
/// <item>an employer's registered provider: only that employer's people, the tenant set by the
/// registration, roles mapped through it, never an operator; a token that names another tenant is refused;</item>
/// <item>the development issuer (<see cref="AuthSettings.SigningKeys"/>, HS256), which exists only in
/// Development and in the tests.</item>
/// </list>
/// Anything else is refused. Keys come from the issuer's discovery document and JWKS, asymmetric only.
/// </summary>
public sealed class BearerTokenValidator(AuthSettings settings, IssuerKeys keys, ValidatedTokens verified, IGrainFactory grains)
{
    /// <summary>Names the provider a principal's token came from.</summary>
    public const string IssuerClaim = "iss";

    private const string AuthenticationType = "Bearer";

    private static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SymmetricSecurityKey[] _developmentKeys = [.. settings.SigningKeys.Select(k => new SymmetricSecurityKey(Convert.FromBase64String(k)))];

    /// <summary>The principal, or the reason the token is refused.</summary>
    public async Task<(ClaimsPrincipal? Principal, string? Failure)> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!_handler.CanReadToken(token))
        {
            return (null, "The token is not a JWT.");
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return (null, "The token is not a JWT.");
        }

        var issuer = jwt.Issuer;
        var key = verified.KeyOf(token);
        if (_developmentKeys.Length > 0 && issuer == settings.Issuer)
        {
            var (identity, failure) = await VerifyAsync(key, jwt, issuer, settings.Audience,
                () => _handler.ValidateTokenAsync(jwt, Parameters(issuer, settings.Audience, _developmentKeys, [SecurityAlgorithms.HmacSha256])));
            return identity is null ? (null, failure) : AsPlatformPrincipal(identity);
        }

        if (settings.PlatformIssuer() is { } platform && issuer == platform)
        {
            var (identity, failure) = await VerifyAsync(key, jwt, issuer, settings.Audience, () => ValidateWithJwksAsync(jwt, issuer, settings.Audience, cancellationToken));
            return identity is null ? (null, failure) : AsPlatformPrincipal(identity);
        }

        if (string.IsNullOrEmpty(issuer) || await grains.GetGrain<IIssuerGrain>(GrainKeys.Issuer(issuer)).GetTenantAsync() is not { } tenant)
        {
            return (null, "The token's issuer is not trusted.");
        }

        IdentityProviderRegistration? registration;
        using (TenantContext.System("authentication", tenant))
        {
            registration = await grains.GetGrain<IIdentityProviderGrain>(GrainKeys.IdentityProvider(tenant)).GetAsync();
        }

        // The employer's own record is the truth: a left-over claim on an issuer it has replaced grants nothing.
        if (registration is null || registration.Issuer != issuer)
        {
            return (null, "The token's issuer is not trusted.");
        }

        var (verifiedIdentity, refused) = await VerifyAsync(key, jwt, issuer, registration.Audience, () => ValidateWithJwksAsync(jwt, issuer, registration.Audience, cancellationToken));
        return verifiedIdentity is null ? (null, refused) : AsEmployerPrincipal(verifiedIdentity, tenant, registration);
    }

    /// <summary>A token verified before for this issuer and audience is taken as verified; any other is validated, and remembered if valid.</summary>
    private async Task<(ClaimsIdentity? Identity, string? Failure)> VerifyAsync(
        ValidatedTokens.TokenKey? key, JsonWebToken jwt, string issuer, string audience, Func<Task<TokenValidationResult>> validate)
    {
        if (verified.Find(key, issuer, audience) is { } known)
        {
            return (known, null);
        }

        var result = await validate();
        if (!result.IsValid)
        {
            return (null, result.Exception?.Message);
        }

        verified.Add(key, issuer, audience, result.ClaimsIdentity, jwt.ValidTo);
        return (result.ClaimsIdentity, null);
    }

    // The token read once above is validated as it is, not parsed again from its text.
    private async Task<TokenValidationResult> ValidateWithJwksAsync(JsonWebToken jwt, string issuer, string audience, CancellationToken cancellationToken)
    {
        var source = keys.For(issuer);
        var configuration = await ReadKeysAsync(source, null, cancellationToken);
        var result = await _handler.ValidateTokenAsync(jwt, Parameters(issuer, audience, configuration.SigningKeys, AsymmetricAlgorithms));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException && !string.IsNullOrEmpty(jwt.Kid))
        {
            // A key id we do not hold: the provider may have rotated. Read its keys again and retry once.
            configuration = await ReadKeysAsync(source, jwt.Kid, cancellationToken);
            result = await _handler.ValidateTokenAsync(jwt, Parameters(issuer, audience, configuration.SigningKeys, AsymmetricAlgorithms));
        }

        return result;
    }

    private static async Task<Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration> ReadKeysAsync(SigningKeySource source, string? missingKeyId, CancellationToken cancellationToken)
    {
        try
        {
            return await source.GetAsync(missingKeyId, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new IdentityProviderUnavailableException($"The signing keys of {source.Issuer} could not be read.", error);
        }
    }

    private TokenValidationParameters Parameters(string issuer, string audience, IEnumerable<SecurityKey> signingKeys, string[] algorithms) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = issuer,
        ValidateAudience = true,
        ValidAudience = audience,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = signingKeys,
        ValidAlgorithms = algorithms,
        ClockSkew = settings.ClockSkew,
        NameClaimType = ClaimNames.Subject,
        RoleClaimType = ClaimNames.Role,
    };

    /// <summary>The platform's own tokens: everyone but an operator acts for exactly one tenant.</summary>
    private static (ClaimsPrincipal?, string?) AsPlatformPrincipal(ClaimsIdentity identity) =>
        !identity.HasClaim(ClaimNames.Role, Roles.Operator) && string.IsNullOrEmpty(identity.FindFirst(ClaimNames.Tenant)?.Value)
            ? (null, "The token carries no tenant claim.")
            : (new ClaimsPrincipal(identity), null);

    /// <summary>An employer's token, rebuilt from the registration's mapping: its tenant is the registration's.</summary>
    private static (ClaimsPrincipal?, string?) AsEmployerPrincipal(ClaimsIdentity token, string tenant, IdentityProviderRegistration registration)
    {
        var named = token.FindAll(ClaimNames.Tenant).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        if (named.Any(t => t != tenant))
        {
            return (null, "The token names another employer than the one its issuer is registered to.");
        }

        var mapped = EmployerClaims.Map(token, registration.Claims);
        if (mapped.Subject is null)
        {
            return (null, $"The token's '{registration.Claims.SubjectClaim}' claim is missing or cannot be an employee id.");
        }

        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, mapped.Subject),
            new(ClaimNames.Tenant, tenant),
            new(IssuerClaim, registration.Issuer),
        };
        claims.AddRange(mapped.Roles.Select(r => new Claim(ClaimNames.Role, r)));
        if (token.FindFirst(ClaimNames.Name)?.Value is { } name)
        {
            claims.Add(new Claim(ClaimNames.Name, name));
        }

        return (new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimNames.Subject, ClaimNames.Role)), null);
    }
}
