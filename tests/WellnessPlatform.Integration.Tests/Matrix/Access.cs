namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>
/// Who a row admits, written here apart from the code that enforces it. API rules name the tenant and
/// person of the URL; page rules only a role, because a page takes tenant and person from the sign-in.
/// </summary>
internal enum Access
{
    Public,
    EmployeeSelf,
    Hr,
    CaseWorker,
    TenantAdmin,
    AuditReader,
    TenantMember,
    TenantSettings,
    EmployeeSelfOrTenantAdmin,
    PortalPage,
    HrPage,
    CaseWorkPage,
    AdminPage,
}
