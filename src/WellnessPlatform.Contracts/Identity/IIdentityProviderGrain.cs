namespace WellnessPlatform.Contracts.Identity;

/// <summary>A tenant's own identity provider (key: "{tenant}/idp"), the one source of truth for whether its issuer may act for it.</summary>
public interface IIdentityProviderGrain : IGrainWithStringKey
{
    Task<IdentityProviderRegistration?> GetAsync();

    /// <summary>Registers or replaces the provider; a conflict when another tenant already registered the issuer.</summary>
    Task<Outcome<IdentityProviderRegistration>> SetAsync(IdentityProviderRegistration registration);

    /// <summary>Removes the provider (its tokens stop working at once); false when none was registered.</summary>
    Task<bool> RemoveAsync();
}
