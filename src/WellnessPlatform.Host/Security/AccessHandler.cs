using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace WellnessPlatform.Host.Security;

/// <summary>
/// Checks the caller's role, tenant claim and subject against the tenant and person the route names.
/// A route that names a tenant is only ever served to callers of that tenant (operators aside, and
/// only where the rule says so); a route that names a person only to that person or their case workers.
/// </summary>
public sealed class AccessHandler : AuthorizationHandler<AccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        if (context.Resource is HttpContext http && IsAllowed(requirement.Rule, context.User, http))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    public static bool IsAllowed(AccessRule rule, ClaimsPrincipal user, HttpContext http)
    {
        var routeTenant = http.GetRouteValue("tenantId") as string;
        var routePerson = http.GetRouteValue("employeeId") as string;
        var tenant = user.FindFirstValue(ClaimNames.Tenant);
        var ownTenant = routeTenant is not null && tenant == routeTenant;
        bool Has(string role) => user.HasClaim(ClaimNames.Role, role);

        var self = Has(Roles.Employee) && ownTenant && routePerson is not null && user.FindFirstValue(ClaimNames.Subject) == routePerson;

        return rule switch
        {
            AccessRule.EmployeeSelf => self,
            AccessRule.TenantHr => (Has(Roles.Hr) || Has(Roles.TenantAdmin)) && ownTenant,
            AccessRule.CaseWorker => Has(Roles.CaseWorker) && ownTenant,
            AccessRule.TenantAdmin => Has(Roles.TenantAdmin) && ownTenant,
            AccessRule.AuditReader => (Has(Roles.CaseWorker) || Has(Roles.TenantAdmin)) && ownTenant,
            AccessRule.TenantMember => Has(Roles.Operator) || (ownTenant && (Has(Roles.Employee) || Has(Roles.Hr) || Has(Roles.CaseWorker) || Has(Roles.TenantAdmin))),
            AccessRule.TenantSettings => Has(Roles.Operator) || (Has(Roles.TenantAdmin) && ownTenant),
            AccessRule.EmployeeSelfOrTenantAdmin => self || (Has(Roles.TenantAdmin) && ownTenant),
            _ => false,
        };
    }
}
