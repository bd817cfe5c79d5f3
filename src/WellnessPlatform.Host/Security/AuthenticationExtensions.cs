using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WellnessPlatform.Host.Hosting;

namespace WellnessPlatform.Host.Security;

/// <summary>
/// Bearer tokens for the API (<see cref="BearerTokenValidator"/>), a cookie for the pages (signed in
/// through the platform's OpenID Connect provider, or the demo picker in Development) and one
/// authorization policy per <see cref="AccessRule"/>. A route without an explicit rule falls back to "signed in", so nothing is
/// ever public by omission.
/// </summary>
public static class AuthenticationExtensions
{
    public static WebApplicationBuilder AddWellnessAuth(this WebApplicationBuilder builder)
    {
        var environment = builder.Environment.EnvironmentName;
        builder.AddSettings<AuthSettings>(AuthSettings.Section).Validate(
            s => s.SigningKeys.Count == 0 || AuthSettings.DevelopmentIssuerEnvironments.Contains(environment, StringComparer.OrdinalIgnoreCase),
            $"{AuthSettings.Section}:SigningKeys (the development issuer) is accepted only in Development and in the tests; set {AuthSettings.Section}:Authority to the platform's OpenID Connect provider.");

        // DevTokenIssuer, the validator and the tests take the checked settings themselves.
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<AuthSettings>>().Value);
        builder.Services.AddHttpClient(IssuerKeys.HttpClientName);
        builder.Services.AddSingleton<IssuerKeys>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ValidatedTokens>();
        builder.Services.AddSingleton<BearerTokenValidator>();
        builder.Services.AddSingleton<IdentityProviderRegistrar>();

        var authentication = builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Bearer tokens for the API, a cookie for the pages", o =>
                o.ForwardDefaultSelector = http => IsApiRequest(http) ? BearerAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
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
            })
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, _ => { });

        // Which schemes exist is decided while services are registered, before options exist; the
        // values themselves are read from the checked settings.
        var section = builder.Configuration.GetSection(AuthSettings.Section);
        if (!string.IsNullOrWhiteSpace(section[nameof(AuthSettings.Authority)]) && !string.IsNullOrWhiteSpace(section[nameof(AuthSettings.ClientId)]))
        {
            authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, _ => { });
            builder.Services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme).Configure<IOptions<AuthSettings>>((o, checkedSettings) =>
                PageSignIn.Configure(o, checkedSettings.Value));
        }

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
