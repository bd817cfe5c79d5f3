using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WellnessPlatform.Integration.Tests;

/// <summary>Signs tokens the way an identity provider would, with the key the test host trusts (or another).</summary>
internal static class TestTokens
{
    public const string Issuer = "https://tests.wellness.local";
    public const string Audience = "wellness-platform";
    public static readonly string Key = Convert.ToBase64String("integration-tests-signing-key-0123456789abcdef"u8.ToArray());
    public static readonly string OtherKey = Convert.ToBase64String("an-attacker-key-that-the-host-does-not-trust!"u8.ToArray());

    public static string Create(string subject, string role, string? tenant, string? key = null, string audience = Audience,
        DateTime? expires = null, string issuer = Issuer)
    {
        var claims = new List<Claim> { new("sub", subject), new("role", role) };
        if (tenant is not null)
        {
            claims.Add(new Claim("tenant", tenant));
        }

        var exp = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = exp.AddHours(-1),
            NotBefore = exp.AddHours(-1),
            Expires = exp,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(key ?? Key)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An unsigned token ("alg": "none") with otherwise valid claims.</summary>
    public static string Unsigned(string subject, string role, string tenant)
    {
        static string B64(string json) => Base64UrlEncoder.Encode(json);
        var exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"{B64("""{"alg":"none","typ":"JWT"}""")}.{B64($$"""{"sub":"{{subject}}","role":"{{role}}","tenant":"{{tenant}}","iss":"{{Issuer}}","aud":"{{Audience}}","nbf":{{now}},"exp":{{exp}}}""")}.";
    }
}
