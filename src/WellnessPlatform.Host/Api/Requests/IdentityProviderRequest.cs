using WellnessPlatform.Contracts.Identity;
using WellnessPlatform.Domain;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Api.Requests;

/// <summary>
/// Body of PUT /api/tenants/{tenantId}/identity-provider: the employer's OpenID Connect issuer, the
/// audience its access tokens carry for the platform, and which claims name the person and role.
/// </summary>
public sealed record IdentityProviderRequest(string? Issuer, string? Audience, ClaimMappingRequest? Claims)
{
    public const int MaxText = 256;
    public const int MaxRoleValues = 32;

    /// <summary>The registration, or null with the errors; https only unless the platform allows http metadata (tests, local runs).</summary>
    public IdentityProviderRegistration? ToRegistration(bool requireHttps, DateTimeOffset now, List<FieldError> errors)
    {
        var issuer = RequestParsing.Required(Issuer, "issuer", errors).Trim();
        if (issuer.Length > 0 && !IsIssuerUrl(issuer, requireHttps))
        {
            errors.Add(new FieldError("issuer", "invalid", requireHttps
                ? "The issuer is the provider's https URL exactly as its tokens' 'iss' claim reads, without query or fragment."
                : "The issuer is the provider's http(s) URL exactly as its tokens' 'iss' claim reads, without query or fragment."));
        }

        var audience = Bounded(RequestParsing.Required(Audience, "audience", errors), "audience", errors);
        var subject = Bounded(Claims?.Subject ?? "sub", "claims.subject", errors);
        var role = Bounded(Claims?.Role ?? "role", "claims.role", errors);
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        var given = Claims?.Roles ?? new Dictionary<string, string>();
        if (given.Count > MaxRoleValues)
        {
            errors.Add(new FieldError("claims.roles", "too_many", $"Map at most {MaxRoleValues} role values."));
        }

        foreach (var (value, platformRole) in given.Take(MaxRoleValues))
        {
            if (value.Length is 0 or > MaxText)
            {
                errors.Add(new FieldError($"claims.roles.{value}", "invalid", $"A role value has 1 to {MaxText} characters."));
            }
            else if (!EmployerClaims.Grantable.Contains(platformRole, StringComparer.Ordinal))
            {
                errors.Add(new FieldError($"claims.roles.{value}", "invalid", $"'{platformRole}' is not one of: {string.Join(", ", EmployerClaims.Grantable)} (an employer's provider never grants operator)."));
            }
            else
            {
                roles[value] = platformRole;
            }
        }

        return errors.Count > 0 ? null : new IdentityProviderRegistration(issuer, audience, new ClaimMapping(subject, role, roles), now);
    }

    private static string Bounded(string value, string field, List<FieldError> errors)
    {
        var trimmed = value.Trim();
        if (trimmed.Length is 0 or > MaxText)
        {
            errors.Add(new FieldError(field, "invalid", $"'{field}' has 1 to {MaxText} characters."));
        }

        return trimmed;
    }

    private static bool IsIssuerUrl(string issuer, bool requireHttps) =>
        issuer.Length <= MaxText
        && Uri.TryCreate(issuer, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (!requireHttps && uri.Scheme == Uri.UriSchemeHttp))
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);
}

/// <summary>Which token claims name the person (default "sub") and carry roles (default "role"), and how role values map to the platform's.</summary>
public sealed record ClaimMappingRequest(string? Subject, string? Role, IReadOnlyDictionary<string, string>? Roles);
