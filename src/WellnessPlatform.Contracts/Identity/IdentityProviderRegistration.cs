namespace WellnessPlatform.Contracts.Identity;

/// <summary>
/// An employer's own OpenID Connect provider, registered by its tenant admin: tokens whose <c>iss</c> is
/// <paramref name="Issuer"/> and whose <c>aud</c> is <paramref name="Audience"/> act for this tenant and no other.
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.IdentityProviderRegistration")]
public sealed record IdentityProviderRegistration(
    [property: Id(0)] string Issuer,
    [property: Id(1)] string Audience,
    [property: Id(2)] ClaimMapping Claims,
    [property: Id(3)] DateTimeOffset RegisteredAt);
