namespace WellnessPlatform.Host.Security;

/// <summary>
/// Token validation (section "WellnessPlatform:Auth"). Either an OpenID Connect <see cref="Authority"/>
/// (its signing keys are read from its discovery document), or <see cref="SigningKeys"/> given here;
/// several keys may be listed so that keys can be rotated without downtime.
/// </summary>
public sealed class AuthSettings
{
    public const string Section = "WellnessPlatform:Auth";

    public string? Authority { get; set; }

    public string Issuer { get; set; } = string.Empty;

    public string Audience { get; set; } = "wellness-platform";

    /// <summary>Base64 symmetric keys (HS256, at least 256 bits). The first one signs development tokens.</summary>
    public List<string> SigningKeys { get; set; } = [];

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The web pages' OpenID Connect client (with <see cref="Authority"/>); pages sign in through it outside Development.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Lifetime of development tokens.</summary>
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
