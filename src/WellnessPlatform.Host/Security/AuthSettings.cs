using System.ComponentModel.DataAnnotations;

namespace WellnessPlatform.Host.Security;

/// <summary>
/// Token validation (section "WellnessPlatform:Auth"). The platform's own OpenID Connect provider is
/// <see cref="Authority"/>: its signing keys are read from its discovery document and JWKS, and it is
/// where operators (and the people of employers without a provider of their own) sign in. Employers'
/// providers are registered per tenant, not here. <see cref="SigningKeys"/> is the development issuer's
/// (HS256), accepted only in Development and in the tests (<see cref="DevelopmentIssuerEnvironments"/>).
/// </summary>
public sealed class AuthSettings : IValidatableObject
{
    public const string Section = "WellnessPlatform:Auth";

    /// <summary>HS256 needs a key of at least 256 bits.</summary>
    public const int MinKeyBytes = 32;

    public string? Authority { get; set; }

    /// <summary>The development issuer's name, the <c>iss</c> of tokens signed with <see cref="SigningKeys"/>.</summary>
    public string Issuer { get; set; } = string.Empty;

    [Required(ErrorMessage = Section + ":Audience is required.")]
    public string Audience { get; set; } = "wellness-platform";

    /// <summary>The environments in which the development issuer's <see cref="SigningKeys"/> are honoured.</summary>
    public static IReadOnlyList<string> DevelopmentIssuerEnvironments { get; } = ["Development", "Testing"];

    /// <summary>Base64 symmetric keys (HS256, at least 256 bits) of the development issuer. The first one signs development tokens.</summary>
    public List<string> SigningKeys { get; set; } = [];

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The web pages' OpenID Connect client (with <see cref="Authority"/>); pages sign in through it outside Development.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The scopes the pages ask the platform's provider for (none given: <see cref="DefaultScopes"/>); the tenant and role claims must come with them.</summary>
    public List<string> Scopes { get; set; } = [];

    public static IReadOnlyList<string> DefaultScopes { get; } = ["openid", "profile", "email", "wellness"];

    /// <summary>Tolerated difference between the provider's clock and ours.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = Section + ":ClockSkew must be between 00:00:00 and 00:05:00.")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a provider's discovery document and keys are used before they are read again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = Section + ":MetadataMaxAge must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan MetadataMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The least time between two reads of a provider's keys forced by an unknown key id (a rotation).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = Section + ":MetadataRefreshInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Tokens whose signature, lifetime, issuer and audience were verified, kept so a caller's next requests
    /// are not verified again (RSA verification was a fifth of a request's CPU in the HTTP profile). Each
    /// entry is a few hundred bytes; 0 turns the cache off.
    /// </summary>
    [Range(0, 1_000_000, ErrorMessage = Section + ":ValidatedTokenCacheSize must be between 0 and 1000000.")]
    public int ValidatedTokenCacheSize { get; set; } = 50_000;

    /// <summary>
    /// The longest a verified token is trusted without being verified again, whatever its expiry: the
    /// bound on how long a key the provider has withdrawn from its JWKS still counts for tokens seen before.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = Section + ":ValidatedTokenMaxAge must be between 00:00:01 and 01:00:00.")]
    public TimeSpan ValidatedTokenMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one read of a provider's discovery document or keys may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30", ErrorMessage = Section + ":MetadataTimeout must be between 00:00:01 and 00:00:30.")]
    public TimeSpan MetadataTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Lifetime of development tokens.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = Section + ":DevTokenLifetime must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The platform provider's issuer: its authority, which OpenID Connect discovery requires to be the same (a method: it is not a setting).</summary>
    public string? PlatformIssuer() => string.IsNullOrWhiteSpace(Authority) ? null : Authority;

    /// <summary>Whether <paramref name="issuer"/> is the platform's own (its provider's, or the development issuer's): never an employer's.</summary>
    public bool IsPlatformOwn(string issuer) =>
        string.Equals(issuer, PlatformIssuer(), StringComparison.Ordinal) || (SigningKeys.Count > 0 && string.Equals(issuer, Issuer, StringComparison.Ordinal));

    /// <summary>Rules across settings: without them a host would start and then refuse every token.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasAuthority = !string.IsNullOrWhiteSpace(Authority);
        if (!hasAuthority && SigningKeys.Count == 0)
        {
            yield return new ValidationResult($"{Section}:Authority (an OpenID Connect provider) or {Section}:SigningKeys is required.", [nameof(Authority)]);
        }

        if (hasAuthority && (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps && (RequireHttpsMetadata || authority.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult($"{Section}:Authority must be an absolute https URL (http only with {Section}:RequireHttpsMetadata false).", [nameof(Authority)]);
        }

        if (SigningKeys.Count > 0 && string.IsNullOrWhiteSpace(Issuer))
        {
            yield return new ValidationResult($"{Section}:Issuer (the development issuer's name) is required with {Section}:SigningKeys.", [nameof(Issuer)]);
        }

        for (var i = 0; i < SigningKeys.Count; i++)
        {
            if (!IsStrongKey(SigningKeys[i]))
            {
                yield return new ValidationResult($"{Section}:SigningKeys:{i} must be base64 of at least {MinKeyBytes} bytes.", [nameof(SigningKeys)]);
            }
        }

        if (!string.IsNullOrWhiteSpace(ClientId) && !hasAuthority)
        {
            yield return new ValidationResult($"{Section}:ClientId needs {Section}:Authority.", [nameof(ClientId)]);
        }
    }

    private static bool IsStrongKey(string key)
    {
        var bytes = new byte[key.Length];
        return Convert.TryFromBase64String(key, bytes, out var length) && length >= MinKeyBytes;
    }
}
