namespace WellnessPlatform.Contracts.Identity;

/// <summary>
/// Which tenant an issuer belongs to (key: <see cref="GrainKeys.Issuer"/>), so a token's <c>iss</c> finds its
/// tenant without a scan and one issuer can never be registered by two tenants. Platform-wide, so it checks
/// the acting tenant itself.
/// </summary>
public interface IIssuerGrain : IGrainWithStringKey
{
    /// <summary>The tenant that registered the issuer, or null.</summary>
    Task<string?> GetTenantAsync();

    /// <summary>Claims the issuer for the acting tenant; false when another tenant holds it.</summary>
    Task<bool> ClaimAsync(string issuer, string tenantId);

    /// <summary>Lets the issuer go if the acting tenant holds it.</summary>
    Task ReleaseAsync(string tenantId);
}
