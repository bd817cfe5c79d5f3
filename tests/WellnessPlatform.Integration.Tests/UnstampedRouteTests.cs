using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// Isolation fails closed at the gateway too: a route that calls grains without the gateway's tenant
/// stamping is refused by the grains (403), even for a signed-in caller of that very tenant.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnstampedRouteTests(AzuriteFixture fixture)
{
    private const string Tenant = "unstamped";

    [Fact]
    public async Task A_route_that_skips_the_tenant_stamping_has_its_grain_calls_refused()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await using var withTestRoutes = platform.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, TestRoutes>()));
        using (var setUp = Signed(withTestRoutes, TestTokens.Create("ops", Roles.Operator, null)))
        {
            await setUp.SendOkAsync(HttpMethod.Put, $"/api/tenants/{Tenant}", new
            {
                name = "Unstamped employer", departments = new[] { "office" }, timeZone = "Etc/UTC", participationThreshold = 3, healthThreshold = 3,
                incidentReportingUrl = "https://example.com/report", workersCompensationUrl = "https://example.com/comp",
            });
        }

        using var hr = Signed(withTestRoutes, TestTokens.Create("hr", Roles.Hr, Tenant));

        // The same grain call, for the caller's own tenant, with and without the gateway's stamping.
        var (stamped, body) = await hr.SendForAsync(HttpMethod.Get, "/test/stamped");
        Assert.Equal(HttpStatusCode.OK, stamped);
        Assert.Equal("Unstamped employer", (string?)body!["name"]);

        var (unstamped, problem) = await hr.SendForAsync(HttpMethod.Get, "/test/unstamped");
        Assert.Equal(HttpStatusCode.Forbidden, unstamped);
        Assert.Equal(403, (int?)problem!["status"]);

        // Nobody signed in: nothing stamped, nothing reached.
        using var anonymous = withTestRoutes.CreateClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.SendForAsync(HttpMethod.Get, "/test/unstamped")).Status);
    }

    private static HttpClient Signed(WebApplicationFactory<Program> factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Two test-only routes ahead of the gateway's pipeline, with its sign-in and exception handling: one
    /// stamps the tenant as the gateway does, the other forgets to, as a new route or page might.
    /// </summary>
    private sealed class TestRoutes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/test/stamped", branch =>
            {
                branch.UseExceptionHandler();
                branch.UseAuthentication();
                branch.UseTenantStamping();
                branch.Run(ReadOwnTenantAsync);
            });
            app.Map("/test/unstamped", branch =>
            {
                branch.UseExceptionHandler();
                branch.UseAuthentication();
                branch.Run(ReadOwnTenantAsync);
            });
            next(app);
        };

        private static async Task ReadOwnTenantAsync(HttpContext context)
        {
            var tenant = context.User.FindFirstValue(ClaimNames.Tenant) ?? Tenant;
            var config = await context.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<ITenantGrain>(tenant).GetConfigAsync();
            await context.Response.WriteAsJsonAsync(new { name = config?.Name });
        }
    }
}
