namespace WellnessPlatform.Host.Security;

/// <summary>Who may call a route. Each route names exactly one rule; the policy of the same name enforces it.</summary>
public enum AccessRule
{
    /// <summary>The person named in the route, as an employee of the tenant named in the route.</summary>
    EmployeeSelf,

    /// <summary>HR or a tenant admin of the tenant: anonymized aggregates only.</summary>
    TenantHr,

    /// <summary>An occupational-health case worker of the tenant.</summary>
    CaseWorker,

    /// <summary>A tenant admin of the tenant.</summary>
    TenantAdmin,

    /// <summary>A case worker or tenant admin of the tenant (the audit log).</summary>
    AuditReader,

    /// <summary>Anyone signed in for the tenant (its settings and links), or an operator.</summary>
    TenantMember,

    /// <summary>An operator, or a tenant admin of the tenant (creating and configuring tenants).</summary>
    TenantSettings,

    /// <summary>The person named in the route, or a tenant admin of the tenant acting on their request (erasure).</summary>
    EmployeeSelfOrTenantAdmin,
}
