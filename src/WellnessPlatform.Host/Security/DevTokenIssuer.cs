using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WellnessPlatform.Host.Security;

/// <summary>
/// Mints signed tokens for the demo users so the platform can be tried without an identity provider.
/// Registered only in the Development environment (see <see cref="DevSignInApi"/>); there is no
/// setting that turns it on anywhere else.
/// </summary>
public sealed class DevTokenIssuer(AuthSettings settings, TimeProvider clock)
{
    public (string Token, DateTimeOffset ExpiresAt) Issue(DemoUser user)
    {
        var now = clock.GetUtcNow();
        var expires = now + settings.DevTokenLifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(user.Claims()),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(settings.SigningKeys[0])), SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
