using System.Globalization;
using System.Security.Claims;
using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Grains;
using WellnessPlatform.Host.Api;
using WellnessPlatform.Host.Api.Requests;
using WellnessPlatform.Host.Hosting;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// HTTP ingest: the gateway's own pipeline (JSON, JWT authentication (RS256 through discovery and JWKS, see BenchIssuer), per-caller rate limiting,
/// authorization, route checks, problem details) in front of a silo, against a bare Kestrel endpoint
/// that parses the same body and answers with the same JSON. Only the grain storage differs from
/// production (memory, with the production serializer), so the figure is the gateway's, not Azurite's.
/// </summary>
internal static class HttpIngest
{

    /// <summary>
    /// The gateway as the Host composes it, telemetry included: traces, metrics and logs are exported
    /// over OTLP (HTTP/protobuf) to <paramref name="otlpPort"/>, where <see cref="StartOtlpSinkAsync"/> reads
    /// and drops them, as a collector beside the silo would.
    /// </summary>
    public static async Task<WebApplication> StartGatewayAsync(int port, int otlpPort)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,

            // The Host's own folder, as when it runs: its appsettings.json (log levels, which decide what
            // the OTLP log exporter sends) and wwwroot.
            ContentRootPath = Path.Combine(Testing.AzuriteProcess.RepositoryRoot(), "src", "WellnessPlatform.Host"),
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{AuthSettings.Section}:Authority"] = await BenchIssuer.AuthorityAsync(),
            [$"{AuthSettings.Section}:Audience"] = BenchIssuer.Audience,
            [$"{AuthSettings.Section}:RequireHttpsMetadata"] = "false",
            [$"{RateLimitSettings.Section}:PermitsPerMinute"] = "100000",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{otlpPort}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        builder.AddWellnessTelemetry();

        // Audit and reconciliation take a table client; session logging never touches it.
        builder.Services.AddSingleton(new TableServiceClient("UseDevelopmentStorage=true"));
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: 11421, gatewayPort: 30421, serviceId: "bench-http", clusterId: "bench-http");
            silo.UseInMemoryReminderService();
            BenchSilo.AddBinaryMemoryStorage(silo);
            silo.AddWellnessGrains();
        });
        builder.AddWellnessGateway();
        builder.AddWellnessAuth();
        builder.AddWellnessRateLimiting();

        var app = builder.Build();
        app.UseWellnessGateway();
        app.MapWellnessApi();
        await app.StartAsync();
        return app;
    }

    /// <summary>Takes OTLP exports (traces, metrics, logs) and drops them, counting the requests and bytes.</summary>
    public static async Task<(WebApplication Sink, OtlpSinkCounts Counts)> StartOtlpSinkAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var counts = new OtlpSinkCounts();
        app.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0)
            {
                counts.Add(read);
            }

            counts.Request();
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return (app, counts);
    }

    /// <summary>The floor: Kestrel and System.Text.Json only, same route shape, same body, same answer.</summary>
    public static async Task<WebApplication> StartBareAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.ConfigureHttpJsonOptions(o => GatewayExtensions.ConfigureJson(o.SerializerOptions));
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        app.MapPost("/api/tenants/{tenantId}/employees/{employeeId}/sessions", (string tenantId, string employeeId, LogSessionRequest body) =>
        {
            var exercises = body.Exercises!.Select(e => new LoggedExercise(e.ExerciseId!, e.Reps!.Value, e.HoldSeconds!.Value, null)).ToList();
            var record = new SessionRecord(body.ClientSessionId!, DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow, exercises, true);
            return TypedResults.Json(new SessionReceipt(record, false, 1, 1, "weeks", 1, 3), statusCode: StatusCodes.Status201Created);
        });
        await app.StartAsync();
        return app;
    }

    public static string Token(string employee) =>
        BenchIssuer.Token([new Claim(ClaimNames.Subject, employee), new Claim(ClaimNames.Role, Roles.Employee), new Claim(ClaimNames.Tenant, Scenario.Tenant)], DateTime.UtcNow.AddMinutes(-1), TimeSpan.FromHours(2));

    /// <summary>
    /// A wrk script that spreads requests over the employees, each with its own token, and gives every
    /// request a fresh client session id (a retry would be a cheaper duplicate). With a pace, each
    /// connection waits that long before each request, which holds the offered rate near a target.
    /// </summary>
    public static string WriteScript(int employees, int? paceMs)
    {
        var lua = new StringBuilder();
        lua.AppendLine("local paths, tokens = {}, {}");
        for (var i = 0; i < employees; i++)
        {
            lua.AppendLine(CultureInfo.InvariantCulture, $"paths[{i + 1}] = \"/api/tenants/{Scenario.Tenant}/employees/e{i}/sessions\"; tokens[{i + 1}] = \"Bearer {Token($"e{i}")}\"");
        }

        lua.AppendLine("""
            local n, counter = #paths, 0
            local threads = 0
            function setup(thread) threads = threads + 1; thread:set("prefix", "t" .. threads) end
            function init(args) counter = math.random(1, n) end
            """);
        if (paceMs is { } pace)
        {
            lua.AppendLine(CultureInfo.InvariantCulture, $"function delay() return {pace} end");
        }

        lua.AppendLine("""
            function request()
              counter = counter + 1
              local i = (counter % n) + 1
              local body = '{"clientSessionId":"' .. prefix .. '-' .. counter .. '","exercises":[{"exerciseId":"wall-sit","reps":10,"holdSeconds":10}]}'
              return wrk.format("POST", paths[i], { ["Content-Type"] = "application/json", ["Authorization"] = tokens[i] }, body)
            end
            """);
        var path = Path.Combine(Path.GetTempPath(), $"wellness-wrk-{Environment.ProcessId}-{paceMs}.lua");
        File.WriteAllText(path, lua.ToString());
        return path;
    }
}

/// <summary>What the OTLP sink received, so the run can show telemetry was exported.</summary>
internal sealed class OtlpSinkCounts
{
    private long _requests;
    private long _bytes;

    public long Requests => Interlocked.Read(ref _requests);

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Request() => Interlocked.Increment(ref _requests);

    public void Add(int bytes) => Interlocked.Add(ref _bytes, bytes);
}
