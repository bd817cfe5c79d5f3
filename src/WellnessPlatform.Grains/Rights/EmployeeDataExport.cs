using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Grains.Audit;

namespace WellnessPlatform.Grains.Rights;

/// <summary>
/// Everything the platform holds about one employee, which the gateway maps to one machine-readable
/// JSON document (GET .../employees/{employeeId}/export). See docs/privacy.md, "Employee rights".
/// </summary>
/// <param name="SchemaVersion">Raised whenever a field changes meaning or is removed; new fields keep the version.</param>
/// <param name="Employee">The routine record; null when the person is invited but not enrolled.</param>
/// <param name="Invitation">The employer's invitation (department, when, by whom).</param>
/// <param name="Incidents">The person's incident reports with each case's timeline.</param>
/// <param name="Audit">Audit entries naming the person, as subject or actor, newest first.</param>
/// <param name="Notes">What some fields mean, in plain words.</param>
public sealed record EmployeeDataExport(
    int SchemaVersion,
    DateTimeOffset GeneratedAt,
    string TenantId,
    string EmployeeId,
    EmployeeExport? Employee,
    Invitation? Invitation,
    IReadOnlyList<IncidentCase> Incidents,
    IReadOnlyList<AuditEntry> Audit,
    IReadOnlyDictionary<string, string> Notes)
{
    public const int CurrentSchemaVersion = 1;
}
