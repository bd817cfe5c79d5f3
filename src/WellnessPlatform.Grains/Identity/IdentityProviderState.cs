using WellnessPlatform.Contracts.Identity;

namespace WellnessPlatform.Grains.Identity;

/// <summary>
/// A tenant's registered provider as stored: its own fields, not the message record, so changing the
/// API cannot change a stored byte. Bounded by the registration's limits (checked at the gateway).
/// </summary>
[GenerateSerializer, Alias("wp.IdentityProviderState")]
public sealed class IdentityProviderState
{
    /// <summary>Null when no provider is registered.</summary>
    [Id(0)] public string? Issuer { get; set; }

    [Id(1)] public string Audience { get; set; } = string.Empty;

    [Id(2)] public string SubjectClaim { get; set; } = string.Empty;

    [Id(3)] public string RoleClaim { get; set; } = string.Empty;

    [Id(4)] public Dictionary<string, string> Roles { get; set; } = [];

    [Id(5)] public DateTimeOffset RegisteredAt { get; set; }

    public IdentityProviderRegistration? ToRegistration() =>
        Issuer is null ? null : new IdentityProviderRegistration(Issuer, Audience, new ClaimMapping(SubjectClaim, RoleClaim, Roles), RegisteredAt);

    public static IdentityProviderState Of(IdentityProviderRegistration registration) => new()
    {
        Issuer = registration.Issuer,
        Audience = registration.Audience,
        SubjectClaim = registration.Claims.SubjectClaim,
        RoleClaim = registration.Claims.RoleClaim,
        Roles = new Dictionary<string, string>(registration.Claims.Roles, StringComparer.Ordinal),
        RegisteredAt = registration.RegisteredAt,
    };
}
