using WellnessPlatform.Contracts.Identity;

namespace WellnessPlatform.Grains.Identity;

/// <summary>A tenant's registered provider; bounded by the registration's own limits (checked at the gateway).</summary>
[GenerateSerializer, Alias("wp.IdentityProviderState")]
public sealed class IdentityProviderState
{
    [Id(0)] public IdentityProviderRegistration? Registration { get; set; }
}
