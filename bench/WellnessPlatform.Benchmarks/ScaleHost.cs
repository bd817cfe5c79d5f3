using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WellnessPlatform.Host.Demo;
using WellnessPlatform.Host.Hosting;
using WellnessPlatform.Host.Security;
using WellnessPlatform.Testing;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// Azurite and, in this process, the host composed as src/WellnessPlatform.Host/Program.cs composes it
/// (Production, grain state, reminders and membership on Azure Table storage), on loopback ports.
/// The differences, all for the benchmark: a signing key instead of an identity provider, a per-caller
/// rate limit high enough that it is not what is measured, no demo data, warnings and errors
/// counted rather than printed, and the platform clock (<see cref="SteppedClock"/>) that lets a week pass.
/// </summary>
internal sealed class ScaleHost : IAsyncDisposable
{
    public const string ServiceId = "wellness";

    private ScaleHost(AzuriteProcess azurite, WebApplication app, SteppedClock clock, HttpClient http, LogCounter logs)
    {
        Logs = logs;
        Azurite = azurite;
        App = app;
        Clock = clock;
        Http = http;
    }

    public AzuriteProcess Azurite { get; }

    public LogCounter Logs { get; }

    public WebApplication App { get; }

    public SteppedClock Clock { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<ScaleHost> StartAsync(SteppedClock clock, int connections)
    {
        // In memory: Azurite's save to disk rewrites its whole database every 5 s, a cost that grows with
        // the data and that Azure Table does not have (see AzuritePersistence.Memory).
        var azurite = new AzuriteProcess(AzuritePersistence.Memory);
        await azurite.StartAsync();
        var port = Ports.Free();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,

            // The Host's own folder, as when it runs: its appsettings.json and wwwroot.
            ContentRootPath = Path.Combine(AzuriteProcess.RepositoryRoot(), "src", "WellnessPlatform.Host"),
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var logs = new LogCounter();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{SiloHostingExtensions.TablesConnectionName}"] = azurite.ConnectionString,
            [$"{ClusterSettings.Section}:ClusterId"] = $"bench-scale-{Environment.ProcessId}",
            [$"{ClusterSettings.Section}:ServiceId"] = ServiceId,
            [$"{ClusterSettings.Section}:SiloPort"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{ClusterSettings.Section}:GatewayPort"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{AuthSettings.Section}:Authority"] = await BenchIssuer.AuthorityAsync(),
            [$"{AuthSettings.Section}:Audience"] = BenchIssuer.Audience,
            [$"{AuthSettings.Section}:RequireHttpsMetadata"] = "false",
            [$"{RateLimitSettings.Section}:PermitsPerMinute"] = "10000000",
            [$"{DemoSettings.Section}:Seed"] = "false",
        });

        // Registered before the silo: the grains and the gateway take the unkeyed clock (the platform's
        // notion of today), while every keyed area Orleans resolves for itself keeps real time.
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddKeyedSingleton<TimeProvider>(KeyedService.AnyKey, TimeProvider.System);

        builder.AddWellnessPlatform();
        var app = builder.Build();
        app.UseWellnessPlatform();
        await app.StartAsync();

        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromMinutes(2),
        };
        var host = new ScaleHost(azurite, app, clock, http, logs);
        await host.WaitReadyAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();

        // The silo first: its graceful shutdown writes to storage.
        await App.StopAsync();
        await App.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    private async Task WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Http.GetAsync(HealthExtensions.ReadyPath);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The host did not report ready within two minutes.");
    }
}
