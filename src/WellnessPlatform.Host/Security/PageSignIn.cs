using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace WellnessPlatform.Host.Security;

/// <summary>
/// The pages' sign-in at the platform's provider: authorization code with PKCE, the id token's claims
/// (sub, tenant, role, name) kept as they are in the cookie, and the id token saved so that signing
/// out also ends the session at the provider.
/// </summary>
public static class PageSignIn
{
    public static void Configure(OpenIdConnectOptions o, AuthSettings settings)
    {
        o.Authority = settings.Authority;
        o.ClientId = settings.ClientId;
        o.ClientSecret = settings.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        o.SaveTokens = true;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.Scope.Clear();
        foreach (var scope in settings.Scopes.Count > 0 ? settings.Scopes : AuthSettings.DefaultScopes)
        {
            o.Scope.Add(scope);
        }

        if (!settings.RequireHttpsMetadata)
        {
            // Local runs and tests are plain http, where a browser drops the default SameSite=None;
            // Secure correlation cookies. The provider there is on the same site (another loopback port).
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }

        o.TokenValidationParameters.NameClaimType = ClaimNames.Subject;
        o.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
        o.TokenValidationParameters.ClockSkew = settings.ClockSkew;
        o.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = context =>
            {
                // As for bearer tokens: everyone but an operator acts for exactly one tenant.
                var user = context.Principal!;
                if (!user.HasClaim(ClaimNames.Role, Roles.Operator) && string.IsNullOrEmpty(user.FindFirst(ClaimNames.Tenant)?.Value))
                {
                    context.Fail("The provider's token carries no tenant claim.");
                }

                return Task.CompletedTask;
            },
        };
    }
}
