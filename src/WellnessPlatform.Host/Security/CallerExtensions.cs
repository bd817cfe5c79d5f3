using System.Security.Claims;
using WellnessPlatform.Contracts;

namespace WellnessPlatform.Host.Security;

/// <summary>Reads the signed-in caller's identity for audit entries and case records.</summary>
public static class CallerExtensions
{
    public static string Subject(this ClaimsPrincipal user) => user.FindFirstValue(ClaimNames.Subject) ?? "unknown";

    public static string MainRole(this ClaimsPrincipal user) =>
        Roles.All.FirstOrDefault(r => user.HasClaim(ClaimNames.Role, r)) ?? "none";

    /// <summary>
    /// Whether the caller may read the occupational-health team's address: the staff who set it or
    /// receive its alerts. Employees and HR read the same settings without it.
    /// </summary>
    public static bool SeesCaseWorkEmail(this ClaimsPrincipal user) =>
        user.HasClaim(ClaimNames.Role, Roles.TenantAdmin) || user.HasClaim(ClaimNames.Role, Roles.CaseWorker) || user.HasClaim(ClaimNames.Role, Roles.Operator);

    /// <summary>Who acts, for the application services that audit what they do.</summary>
    public static Actor Actor(this ClaimsPrincipal user) => new(user.Subject(), user.MainRole());
}
