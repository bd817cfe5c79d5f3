using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using WellnessPlatform.Contracts;
using WellnessPlatform.Grains;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// Which silo each of a tenant's employee grains is active on, as every silo reports its own activations
/// to Orleans' management grain. Asked through an Orleans client of the test's own that finds the
/// gateways in the cluster's membership table, as any client would.
/// </summary>
internal sealed class ActivationMap : IAsyncDisposable
{
    private readonly IHost _client;
    private bool _disposed;

    private ActivationMap(IHost client) => _client = client;

    /// <summary>Connects ahead of time, so asking later costs one call rather than a client start.</summary>
    public static async Task<ActivationMap> ConnectAsync(string tablesConnectionString, string clusterId)
    {
        // An empty builder: the test folder's appsettings.json is the host's, not a client's.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId))
            .UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(tablesConnectionString)));
        var host = builder.Build();
        await host.StartAsync();
        return new ActivationMap(host);
    }

    /// <summary>Each active employee of the tenant with the silo port of the silo hosting it.</summary>
    public async Task<IReadOnlyList<(string Employee, int SiloPort)>> EmployeesAsync(string tenantId)
    {
        var management = _client.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var prefix = GrainKeys.Employee(tenantId, string.Empty);
        return [.. (await management.GetDetailedGrainStatistics())
            .Where(s => s.GrainId.Type.ToString() == GrainTypes.Employee)
            .Select(s => (Key: s.GrainId.Key.ToString()!, s.SiloAddress.Endpoint.Port))
            .Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => (GrainKeys.LocalPart(s.Key), s.Port))];
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _client.StopAsync(timeout.Token);
        _client.Dispose();
    }
}
