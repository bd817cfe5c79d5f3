using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>The expected verdict of each principal under each rule.</summary>
internal static class AccessRules
{
    /// <param name="isolates">The row names a record by id, so a page admitting another tenant's staff must find nothing.</param>
    public static Verdict Judge(Access rule, Principal principal, bool isolates)
    {
        var own = principal.Side == TenantSide.Own;
        var self = principal.Is(Roles.Employee) && own && !principal.Peer;
        var admitted = rule switch
        {
            Access.Public => true,
            Access.EmployeeSelf => self,
            Access.Hr => (principal.Is(Roles.Hr) || principal.Is(Roles.TenantAdmin)) && own,
            Access.CaseWorker => principal.Is(Roles.CaseWorker) && own,
            Access.TenantAdmin => principal.Is(Roles.TenantAdmin) && own,
            Access.AuditReader => (principal.Is(Roles.CaseWorker) || principal.Is(Roles.TenantAdmin)) && own,
            Access.TenantMember => principal.Is(Roles.Operator) || (own && principal.Role is not null),
            Access.TenantSettings => principal.Is(Roles.Operator) || (principal.Is(Roles.TenantAdmin) && own),
            Access.EmployeeSelfOrTenantAdmin => self || (principal.Is(Roles.TenantAdmin) && own),
            Access.PortalPage => principal.Is(Roles.Employee),
            Access.HrPage => principal.Is(Roles.Hr) || principal.Is(Roles.TenantAdmin),
            Access.CaseWorkPage => principal.Is(Roles.CaseWorker),
            Access.AdminPage => principal.Is(Roles.TenantAdmin),
            _ => false,
        };

        return !admitted ? Verdict.Denied
            : isolates && principal.Side == TenantSide.Other ? Verdict.Isolated
            : Verdict.Allowed;
    }
}
