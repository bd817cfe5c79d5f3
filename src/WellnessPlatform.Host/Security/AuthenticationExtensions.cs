using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using WellnessPlatform.Host.Hosting;

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
        builder.AddSettings<AuthSettings>(AuthSettings.Section);

        // DevTokenIssuer and the tests take the checked settings themselves.
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<AuthSettings>>().Value);

        var authentication = builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Bearer tokens for the API, a cookie for the pages", o =>
                o.ForwardDefaultSelector = http => IsApiRequest(http) ? JwtBearerDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "wellness";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/access-denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
            });

        // Which schemes exist is decided while services are registered, before options exist; the
        // values themselves are read from the checked settings.
        var section = builder.Configuration.GetSection(AuthSettings.Section);
        if (!builder.Environment.IsDevelopment() && !string.IsNullOrWhiteSpace(section[nameof(AuthSettings.Authority)]) && !string.IsNullOrWhiteSpace(section[nameof(AuthSettings.ClientId)]))
        {
            authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, _ => { });
            builder.Services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme).Configure<IOptions<AuthSettings>>((o, checkedSettings) =>
            {
                var settings = checkedSettings.Value;
                o.Authority = settings.Authority;
                o.ClientId = settings.ClientId;
                o.ClientSecret = settings.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SaveTokens = false;
                o.MapInboundClaims = false;
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.TokenValidationParameters.NameClaimType = ClaimNames.Subject;
                o.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
            });
        }

        authentication.AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthSettings>>((o, checkedSettings) =>
        {
            var settings = checkedSettings.Value;
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
            .AddAccessPolicies()
            .AddPagePolicies();
        return builder;
    }

    /// <summary>The default scheme: forwards to bearer or cookie authentication.</summary>
    public const string SmartScheme = "wellness";

    /// <summary>API and tooling routes answer 401 with bearer semantics; pages redirect to sign-in.</summary>
    public static bool IsApiRequest(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/dev") || http.Request.Path.StartsWithSegments("/openapi")
        || http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>Requires the policy of the given rule on a route or group.</summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, AccessRule rule)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(rule.ToString());

    /// <summary>The web pages take the tenant and person from the signed-in user, never from the URL.</summary>
    private static AuthorizationBuilder AddPagePolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(PagePolicies.Portal, p => p.RequireClaim(ClaimNames.Role, Roles.Employee).RequireClaim(ClaimNames.Tenant).RequireClaim(ClaimNames.Subject))
        .AddPolicy(PagePolicies.Hr, p => p.RequireClaim(ClaimNames.Role, Roles.Hr, Roles.TenantAdmin).RequireClaim(ClaimNames.Tenant))
        .AddPolicy(PagePolicies.CaseWork, p => p.RequireClaim(ClaimNames.Role, Roles.CaseWorker).RequireClaim(ClaimNames.Tenant))
        .AddPolicy(PagePolicies.Admin, p => p.RequireClaim(ClaimNames.Role, Roles.TenantAdmin).RequireClaim(ClaimNames.Tenant));

    private static AuthorizationBuilder AddAccessPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var rule in Enum.GetValues<AccessRule>())
        {
            authorization.AddPolicy(rule.ToString(), p => p.RequireAuthenticatedUser().AddRequirements(new AccessRequirement(rule)));
        }

        return authorization;
    }
}
