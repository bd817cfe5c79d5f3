using System.Security.Claims;
using WellnessPlatform.Contracts.Identity;
using WellnessPlatform.Host.Scim;

namespace WellnessPlatform.Host.Security;

/// <summary>
/// Reads an employer's token through its claim mapping. The subject becomes an employee id the way a
/// SCIM userName does (<see cref="ScimUserNames"/>), so the person SCIM provisioned is the person who
/// signs in. Roles come only through the mapping, and never as operator.
/// </summary>
public static class EmployerClaims
{
    /// <summary>The platform roles an employer's provider may grant.</summary>
    public static IReadOnlyList<string> Grantable { get; } = [Roles.Employee, Roles.Hr, Roles.CaseWorker, Roles.TenantAdmin];

    public static (string? Subject, IReadOnlyList<string> Roles) Map(ClaimsIdentity token, ClaimMapping mapping)
    {
        var subject = token.FindFirst(mapping.SubjectClaim)?.Value is { Length: > 0 } raw ? ScimUserNames.ToEmployeeId(raw) : null;
        var roles = token.FindAll(mapping.RoleClaim)
            .Select(c => RoleOf(c.Value, mapping))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return (subject, roles);
    }

    private static string? RoleOf(string value, ClaimMapping mapping)
    {
        if (mapping.Roles.Count == 0)
        {
            // No mapping given: the provider speaks the platform's own role names.
            return Grantable.Contains(value, StringComparer.Ordinal) ? value : null;
        }

        return mapping.Roles.TryGetValue(value, out var role) && Grantable.Contains(role, StringComparer.Ordinal) ? role : null;
    }
}
