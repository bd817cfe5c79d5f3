using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// The real host (gateway and silo) on Azurite. Each factory gets its own silo ports; factories that
/// share a service id see the same stored state, which is how a restart is simulated.
/// </summary>
public sealed class PlatformFactory(AzuriteProcess azurite, string serviceId) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Tables", azurite.ConnectionString);
        builder.UseSetting("WellnessPlatform:Cluster:ClusterId", serviceId);
        builder.UseSetting("WellnessPlatform:Cluster:ServiceId", serviceId);
        builder.UseSetting("WellnessPlatform:Cluster:SiloPort", Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("WellnessPlatform:Cluster:GatewayPort", Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("WellnessPlatform:Demo:Seed", "false");
    }
}
