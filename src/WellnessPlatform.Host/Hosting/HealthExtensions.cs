using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WellnessPlatform.Host.Hosting;

/// <summary>
/// Liveness (the process answers) and readiness (Azure Table storage answers and this silo is an
/// active member of the cluster), for load balancers and Kubernetes probes.
/// </summary>
public static class HealthExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    public static WebApplicationBuilder AddWellnessHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<TableStorageHealthCheck>("azure-table-storage", tags: ["ready"])
            .AddCheck<SiloMembershipHealthCheck>("silo-membership", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapWellnessHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new() { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks(ReadyPath, new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync }).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }

    /// <summary>Storage answers a cheap request within a few seconds.</summary>
    private sealed class TableStorageHealthCheck(TableServiceClient tables) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            try
            {
                await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages().WithCancellation(timeout.Token))
                {
                    break;
                }

                return HealthCheckResult.Healthy("Azure Table storage answers.");
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException or HttpRequestException or AggregateException)
            {
                return HealthCheckResult.Unhealthy("Azure Table storage does not answer.");
            }
        }
    }

    /// <summary>This silo is Active in the membership table, so it can take grain calls.</summary>
    private sealed class SiloMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var snapshot = membership.CurrentSnapshot;
            var status = snapshot.GetSiloStatus(silo.SiloAddress);
            var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
            return Task.FromResult(status == SiloStatus.Active
                ? HealthCheckResult.Healthy($"Active, one of {active} active silo(s).")
                : HealthCheckResult.Unhealthy($"This silo is {status}."));
        }
    }
}
