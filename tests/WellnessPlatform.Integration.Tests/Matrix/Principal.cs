using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>
/// One column of the matrix: a role, on which side of the tenant boundary, and (for employees) whether
/// it is the person the request is about or a colleague. Resolved to an identity per cell, because
/// cells that change data act on fresh people and tenants.
/// </summary>
internal sealed record Principal(string Name, string? Role, TenantSide Side, bool Peer = false)
{
    public static IReadOnlyList<Principal> All { get; } =
    [
        new("anonymous", null, TenantSide.None),
        new("operator", Roles.Operator, TenantSide.None),
        new("employee (self)", Roles.Employee, TenantSide.Own),
        new("employee (colleague)", Roles.Employee, TenantSide.Own, Peer: true),
        new("employee of another tenant (same id)", Roles.Employee, TenantSide.Other),
        new("hr", Roles.Hr, TenantSide.Own),
        new("hr of another tenant", Roles.Hr, TenantSide.Other),
        new("caseworker", Roles.CaseWorker, TenantSide.Own),
        new("caseworker of another tenant", Roles.CaseWorker, TenantSide.Other),
        new("tenant-admin", Roles.TenantAdmin, TenantSide.Own),
        new("tenant-admin of another tenant", Roles.TenantAdmin, TenantSide.Other),
    ];

    public bool Is(string role) => Role == role;

    /// <summary>The tenant this principal signs in for, if any.</summary>
    public string? Home(Scene scene) => Side switch
    {
        TenantSide.Own => scene.Tenant,
        TenantSide.Other => scene.OtherTenant,
        _ => null,
    };

    public Identity? In(Scene scene) => Role is null
        ? null
        : new Identity(Role, Home(scene), Role == Roles.Employee ? Peer ? scene.Peer : scene.Person : $"{Role}-1");
}
