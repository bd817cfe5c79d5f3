using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Benchmarks;

/// <summary>Bearer tokens for the scale run, signed with the benchmark key (as in <see cref="HttpIngest"/>).</summary>
internal static class ScaleTokens
{
    private static readonly JsonWebTokenHandler Handler = new();
    private static readonly SigningCredentials Credentials =
        new(new SymmetricSecurityKey(Convert.FromBase64String(HttpIngest.SigningKey)), SecurityAlgorithms.HmacSha256);

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

        var now = DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = HttpIngest.Issuer,
            Audience = HttpIngest.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddDays(-8),
            IssuedAt = now.AddDays(-8),
            Expires = now.AddDays(1),
            SigningCredentials = Credentials,
        });
    }
}
