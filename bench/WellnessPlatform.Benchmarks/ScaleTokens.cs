using System.Security.Claims;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Benchmarks;

/// <summary>Bearer tokens for the scale run, signed RS256 by the benchmarks' issuer (<see cref="BenchIssuer"/>).</summary>
internal static class ScaleTokens
{
    public static string Operator() => Create("operator", Roles.Operator, tenant: null);

    public static string Staff(string role, string tenant) => Create($"{role}-1", role, tenant);

    public static string Employee(string tenant, string employeeId) => Create(employeeId, Roles.Employee, tenant);

    // Valid from a week back: the platform's clock runs up to six days behind real time during the run.
    private static string Create(string subject, string role, string? tenant)
    {
        var claims = new List<Claim> { new(ClaimNames.Subject, subject), new(ClaimNames.Role, role) };
        if (tenant is not null)
        {
            claims.Add(new Claim(ClaimNames.Tenant, tenant));
        }

        return BenchIssuer.Token(claims, DateTime.UtcNow.AddDays(-8), TimeSpan.FromDays(9));
    }
}
