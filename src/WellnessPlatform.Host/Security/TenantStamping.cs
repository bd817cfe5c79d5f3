using System.Security.Claims;
using WellnessPlatform.Contracts.Isolation;

namespace WellnessPlatform.Host.Security;

/// <summary>
/// Stamps, once per request and right after authentication, who the request's grain calls act for: the
/// tenant in the caller's token, never one from the URL; an operator (who has no tenant) acts as the
/// system actor "operator" for the tenant the route names. API routes and pages alike get it here, so
/// no route or page stamps for itself, and one that is reached without this stamp is refused by the grains.
/// </summary>
public static class TenantStamping
{
    public const string OperatorActor = "operator";

    public static IApplicationBuilder UseTenantStamping(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        using var scope = ScopeFor(context.User, context.GetRouteValue("tenantId") as string);
        await next(context);
    });

    /// <summary>The scope a caller's grain calls run in, or none (calls into tenants' grains are then refused).</summary>
    public static IDisposable? ScopeFor(ClaimsPrincipal user, string? routeTenant)
    {
        if (user.FindFirstValue(ClaimNames.Tenant) is { } tenant)
        {
            return TenantContext.ActFor(tenant);
        }

        return user.HasClaim(ClaimNames.Role, Roles.Operator) && routeTenant is not null
            ? TenantContext.System(OperatorActor, routeTenant)
            : null;
    }
}
