using System.Security.Claims;
using WellnessPlatform.Contracts;
using WellnessPlatform.Grains.Isolation;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Web;

/// <summary>The signed-in person of a page: tenant and id come from the sign-in, never from the URL.</summary>
public static class WebUser
{
    public static string Tenant(this ClaimsPrincipal user) => user.FindFirstValue(ClaimNames.Tenant) ?? throw new InvalidOperationException("No tenant claim.");

    /// <summary>Stamps the caller's tenant on the grain calls of this request (the grains refuse any other).</summary>
    public static string ActForTenant(this ClaimsPrincipal user)
    {
        var tenant = user.Tenant();
        TenantContext.Set(tenant);
        return tenant;
    }

    public static string EmployeeKey(this ClaimsPrincipal user) => GrainKeys.Employee(user.ActForTenant(), user.Subject());
}
