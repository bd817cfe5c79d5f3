using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// The real host (gateway and silo) on Azurite. Each factory gets its own silo ports; factories that
/// share a service id see the same stored state, which is how a restart is simulated.
/// </summary>
public sealed class PlatformFactory(AzuriteProcess azurite, string serviceId, string environment = "Testing",
    IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null, Action<IServiceCollection>? services = null, bool developmentIssuer = true)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Tables", azurite.ConnectionString);
        builder.UseSetting("WellnessPlatform:Cluster:ClusterId", serviceId);
        builder.UseSetting("WellnessPlatform:Cluster:ServiceId", serviceId);
        builder.UseSetting("WellnessPlatform:Cluster:SiloPort", Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("WellnessPlatform:Cluster:GatewayPort", Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("WellnessPlatform:Demo:Seed", "false");
        builder.UseSetting("WellnessPlatform:Auth:Issuer", TestTokens.Issuer);
        builder.UseSetting("WellnessPlatform:Auth:Audience", TestTokens.Audience);
        if (developmentIssuer)
        {
            // The tests' own tokens (TestTokens); a host outside Development and Testing refuses to start with them.
            builder.UseSetting("WellnessPlatform:Auth:SigningKeys:0", TestTokens.Key);
        }

        builder.UseSetting("WellnessPlatform:Auth:RequireHttpsMetadata", "false");
        builder.UseSetting("WellnessPlatform:Audit:TableName", "Audit" + serviceId.Replace("-", string.Empty, StringComparison.Ordinal));
        builder.UseSetting("WellnessPlatform:Tables:Prefix", "T" + serviceId.Replace("-", string.Empty, StringComparison.Ordinal));
        builder.UseSetting("WellnessPlatform:RateLimit:PermitsPerMinute", "100000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (clock is not null)
        {
            // The platform's notion of now (grains, gateway, seeding); what Orleans resolves keyed for
            // itself (membership, reminders' own timing) keeps real time.
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(clock);
                services.AddKeyedSingleton(KeyedService.AnyKey, TimeProvider.System);
            });
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>A client signed in with the given role, tenant and subject.</summary>
    public HttpClient As(string role, string? tenant, string subject)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(subject, role, tenant));
        return client;
    }

    public HttpClient Operator() => As("operator", null, "ops");

    public HttpClient Admin(string tenant) => As("tenant-admin", tenant, "admin");

    public HttpClient Hr(string tenant) => As("hr", tenant, "hr");

    public HttpClient CaseWorker(string tenant) => As("caseworker", tenant, "cw");

    public HttpClient Employee(string tenant, string employeeId) => As("employee", tenant, employeeId);
}
