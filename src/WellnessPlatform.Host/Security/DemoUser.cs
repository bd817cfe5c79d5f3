using System.Security.Claims;

namespace WellnessPlatform.Host.Security;

/// <summary>A demo account of the development sign-in.</summary>
public sealed record DemoUser(string Id, string Subject, string Role, string? Tenant, string DisplayName)
{
    /// <summary>The claims this user signs in with, as token or cookie.</summary>
    public IReadOnlyList<Claim> Claims() =>
    [
        new(ClaimNames.Subject, Subject),
        new(ClaimNames.Role, Role),
        new(ClaimNames.Name, DisplayName),
        .. Tenant is null ? Array.Empty<Claim>() : [new Claim(ClaimNames.Tenant, Tenant)],
    ];

    /// <summary>One of each role in the demo tenant, an employee of a second tenant, and an operator.</summary>
    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("employee", "emp-001", Roles.Employee, "demo", "Alex (employee, warehouse)"),
        new("employee-held", "emp-007", Roles.Employee, "demo", "Sam (employee, routine on hold)"),
        new("employee-new", "emp-new", Roles.Employee, "demo", "Robin (new employee, not started)"),
        new("hr", "hr-1", Roles.Hr, "demo", "Jordan (HR)"),
        new("caseworker", "cw-1", Roles.CaseWorker, "demo", "Dr. Rivera (occupational health)"),
        new("tenant-admin", "admin-1", Roles.TenantAdmin, "demo", "Morgan (tenant admin)"),
        new("operator", "ops-1", Roles.Operator, null, "Platform operator"),
    ];
}
