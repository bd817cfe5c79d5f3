using System.ComponentModel.DataAnnotations;

namespace WellnessPlatform.Host.Security;

/// <summary>
/// Token validation (section "WellnessPlatform:Auth"). Either an OpenID Connect <see cref="Authority"/>
/// (its signing keys are read from its discovery document), or <see cref="SigningKeys"/> given here;
/// several keys may be listed so that keys can be rotated without downtime.
/// </summary>
public sealed class AuthSettings : IValidatableObject
{
    public const string Section = "WellnessPlatform:Auth";

    /// <summary>HS256 needs a key of at least 256 bits.</summary>
    public const int MinKeyBytes = 32;

    public string? Authority { get; set; }

    public string Issuer { get; set; } = string.Empty;

    [Required(ErrorMessage = Section + ":Audience is required.")]
    public string Audience { get; set; } = "wellness-platform";

    /// <summary>Base64 symmetric keys (HS256, at least 256 bits). The first one signs development tokens.</summary>
    public List<string> SigningKeys { get; set; } = [];

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The web pages' OpenID Connect client (with <see cref="Authority"/>); pages sign in through it outside Development.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Lifetime of development tokens.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = Section + ":DevTokenLifetime must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);

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

        if (!hasAuthority && string.IsNullOrWhiteSpace(Issuer))
        {
            yield return new ValidationResult($"{Section}:Issuer is required when {Section}:Authority is not set.", [nameof(Issuer)]);
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
