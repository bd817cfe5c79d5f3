using System.Security.Claims;
using WellnessPlatform.Contracts;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Web;

/// <summary>
/// The signed-in person of a page: tenant and id come from the sign-in, never from the URL. (Their
/// tenant is stamped on the request's grain calls by <see cref="TenantStamping"/>, as for the API.)
/// </summary>
public static class WebUser
{
    public static string Tenant(this ClaimsPrincipal user) => user.FindFirstValue(ClaimNames.Tenant) ?? throw new InvalidOperationException("No tenant claim.");

    public static string EmployeeKey(this ClaimsPrincipal user) => GrainKeys.Employee(user.Tenant(), user.Subject());
}
