namespace WellnessPlatform.Host.Security;

/// <summary>The roles a token may carry in its "role" claim.</summary>
public static class Roles
{
    public const string Employee = "employee";
    public const string Hr = "hr";
    public const string CaseWorker = "caseworker";
    public const string TenantAdmin = "tenant-admin";

    /// <summary>Runs the platform: creates tenants. Has no tenant claim and sees no health data.</summary>
    public const string Operator = "operator";

    public static IReadOnlyList<string> All { get; } = [Employee, Hr, CaseWorker, TenantAdmin, Operator];
}
