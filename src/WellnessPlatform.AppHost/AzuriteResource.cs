using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WellnessPlatform.AppHost;

/// <summary>
/// Azurite's table service as an executable resource: no container engine is needed. It is healthy
/// as soon as its port accepts connections.
/// </summary>
internal static class AzuriteResource
{
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <param name="location">A data folder (state survives restarts), or "memory" for a throw-away store.</param>
    public static IResourceBuilder<ExecutableResource> AddAzuriteTables(this IDistributedApplicationBuilder builder, string name, string repositoryRoot, int port, string location)
    {
        var healthCheck = $"{name}-tcp";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async cancellationToken =>
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (SocketException)
            {
                return HealthCheckResult.Unhealthy($"Nothing listens on 127.0.0.1:{port} yet.");
            }
        });

        string[] storage = location == "memory" ? ["--inMemoryPersistence"] : ["--location", Path.GetFullPath(location, repositoryRoot)];
        return builder.AddExecutable(name, Path.Combine(repositoryRoot, "node_modules", ".bin", "azurite-table"), repositoryRoot,
                ["--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. storage, "--disableTelemetry", "--silent"])
            .WithHealthCheck(healthCheck);
    }

    public static string ConnectionString(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
}
