using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace WellnessPlatform.Host.Security;

/// <summary>
/// JWT bearer authentication (OpenID Connect compatible) and one authorization policy per
/// <see cref="AccessRule"/>. A route without an explicit rule falls back to "signed in", so nothing is
/// ever public by omission.
/// </summary>
public static class AuthenticationExtensions
{
    public static WebApplicationBuilder AddWellnessAuth(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        if (string.IsNullOrWhiteSpace(settings.Authority) && settings.SigningKeys.Count == 0)
        {
            throw new InvalidOperationException(
                $"Configure {AuthSettings.Section}:Authority (an OpenID Connect provider) or {AuthSettings.Section}:SigningKeys.");
        }

        builder.Services.AddSingleton(settings);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = settings.Authority;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = string.IsNullOrWhiteSpace(settings.Issuer) ? null : settings.Issuer,
                ValidateAudience = true,
                ValidAudience = settings.Audience,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
                IssuerSigningKeys = settings.SigningKeys.Select(k => new SymmetricSecurityKey(Convert.FromBase64String(k))).ToList(),
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = ClaimNames.Subject,
                RoleClaimType = ClaimNames.Role,
            };
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    // Everyone but an operator acts for exactly one tenant.
                    var user = context.Principal!;
                    if (!user.HasClaim(ClaimNames.Role, Roles.Operator) && string.IsNullOrEmpty(user.FindFirst(ClaimNames.Tenant)?.Value))
                    {
                        context.Fail("The token carries no tenant claim.");
                    }

                    return Task.CompletedTask;
                },
            };
        });

        builder.Services.AddSingleton<IAuthorizationHandler, AccessHandler>();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddAccessPolicies();
        return builder;
    }

    /// <summary>Requires the policy of the given rule on a route or group.</summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, AccessRule rule)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(rule.ToString());

    private static AuthorizationBuilder AddAccessPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var rule in Enum.GetValues<AccessRule>())
        {
            authorization.AddPolicy(rule.ToString(), p => p.RequireAuthenticatedUser().AddRequirements(new AccessRequirement(rule)));
        }

        return authorization;
    }
}
