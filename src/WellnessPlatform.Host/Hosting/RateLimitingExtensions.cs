using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using WellnessPlatform.Host.Scim;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Hosting;

/// <summary>A fixed window per caller, so one client cannot starve the others; 429 with Retry-After when spent.</summary>
public static class RateLimitingExtensions
{
    public static WebApplicationBuilder AddWellnessRateLimiting(this WebApplicationBuilder builder)
    {
        builder.AddSettings<RateLimitSettings>(RateLimitSettings.Section);
        builder.Services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((o, settings) =>
            o.GlobalLimiter = new CallerRateLimiter(CallerKey, settings.Value.PermitsPerMinute));
        builder.Services.AddRateLimiter(o =>
        {
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails { Status = 429, Title = "Too many requests; try again after the time in Retry-After." },
                });
            };
        });
        return builder;
    }

    /// <summary>
    /// SCIM calls count per tenant named and address: an identity provider's few addresses serve many
    /// employers, who must not share one window, and a stranger elsewhere cannot spend a tenant's.
    /// </summary>
    private static string CallerKey(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true
            ? $"user:{http.User.FindFirstValue(ClaimNames.Tenant)}/{http.User.FindFirstValue(ClaimNames.Subject)}"
            : http.Request.Path.StartsWithSegments(ScimPaths.Base) && ScimSecretFilter.ReadBearer(http.Request).Tenant is { } tenant
                ? $"scim:{tenant}/{http.Connection.RemoteIpAddress}"
                : $"ip:{http.Connection.RemoteIpAddress}";
}
