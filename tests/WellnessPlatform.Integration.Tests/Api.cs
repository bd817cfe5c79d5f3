using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Tenants;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Integration.Tests;

/// <summary>Small helpers for calling the gateway as its users would.</summary>
internal static class Api
{
    /// <summary>The system actor tests act as when they call grains directly rather than over HTTP.</summary>
    public const string TestActor = "integration-tests";

    public static readonly object Routine = new[]
    {
        new { exerciseId = "partial-crunch", reps = 10, holdSeconds = 1 },
        new { exerciseId = "wall-sit", reps = 10, holdSeconds = 10 },
    };

    /// <summary>An OSHA 301-style report of a lifting strain, as the portal sends it.</summary>
    public static object IncidentReport(string clientReportId, string treatment = "firstAid", bool privacyCase = false) => new
    {
        clientReportId,
        occurredAt = DateTimeOffset.UtcNow.AddHours(-5),
        location = "Loading bay 3",
        activity = "Lifting a box from the floor",
        whatHappened = "Felt a sharp pull in the lower back",
        injury = "Lower back strain",
        bodyPart = "Lower back",
        treatment,
        privacyCase,
    };

    /// <summary>A tenant with one ready employee who has reported an incident; returns the case id.</summary>
    public static async Task<string> TenantWithReportedIncidentAsync(this PlatformFactory platform, string tenantId, string clientReportId, params string[] departments)
    {
        await platform.CreateTenantAsync(tenantId, departments);
        var (http, path) = await platform.ReadyEmployeeAsync(tenantId, "reporter", departments[0]);
        var receipt = await http.SendOkAsync(HttpMethod.Post, $"{path}/incidents", IncidentReport(clientReportId));
        return (string)receipt["case"]!["incidentId"]!;
    }

    public static async Task<JsonNode> SendOkAsync(this HttpClient http, HttpMethod method, string url, object? body = null)
    {
        var (status, json) = await http.SendForAsync(method, url, body);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"{method} {url} answered {(int)status}: {json}");
        return json!;
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> SendForAsync(this HttpClient http, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }

    public static Task<JsonNode> CreateTenantAsync(this PlatformFactory platform, string tenantId, params string[] departments) =>
        platform.Operator().SendOkAsync(HttpMethod.Put, $"/api/tenants/{tenantId}", new
        {
            name = "Integration employer",
            departments,
            timeZone = "Etc/UTC",
            participationThreshold = 3,
            healthThreshold = 3,
            incidentReportingUrl = "https://example.com/report",
            workersCompensationUrl = "https://example.com/comp",
        });

    /// <summary>Invites, enrols and screens a person so they can log sessions; returns their signed-in client and path.</summary>
    public static async Task<(HttpClient Http, string Path)> ReadyEmployeeAsync(this PlatformFactory platform, string tenantId, string employeeId, string department, int pain = 3)
    {
        await platform.Admin(tenantId).SendOkAsync(HttpMethod.Put, $"/api/tenants/{tenantId}/invitations/{employeeId}", new { department });
        var http = platform.Employee(tenantId, employeeId);
        var path = $"/api/tenants/{tenantId}/employees/{employeeId}";
        await http.SendOkAsync(HttpMethod.Post, $"{path}/enrolment", new { timeZone = "Etc/UTC" });
        await http.SendOkAsync(HttpMethod.Post, $"{path}/screening", new { painIntensity = pain, workRelated = false, recentInjury = false, redFlags = Array.Empty<string>() });
        return (http, path);
    }

    public static Task<JsonNode> LogSessionAsync(this HttpClient http, string employeePath, string clientSessionId) =>
        http.SendOkAsync(HttpMethod.Post, $"{employeePath}/sessions", new { clientSessionId, exercises = Routine });

    /// <summary>Every counter of a tenant's shards, summed over the shards.</summary>
    public static async Task<Dictionary<CellKey, long>> ShardTotalsAsync(this PlatformFactory platform, string tenantId)
    {
        var grains = platform.Services.GetRequiredService<IGrainFactory>();
        var counters = new Dictionary<CellKey, long>();
        using (TenantContext.System(TestActor, tenantId))
        {
            for (var shard = 0; shard < TenantConfig.DefaultShards; shard++)
            {
                foreach (var (key, value) in await grains.GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard(tenantId, shard)).GetCountersAsync())
                {
                    counters[key] = counters.GetValueOrDefault(key) + value;
                }
            }
        }

        return counters;
    }

    /// <summary>
    /// The tenant's aggregate counters for the week a session day falls in, per department and metric
    /// (HR sees a week only once it has ended, so tests of the live path read the shards).
    /// </summary>
    public static async Task<Func<string, Metric, long>> WeekCountersAsync(this PlatformFactory platform, string tenantId, string day)
    {
        var week = LocalCalendar.IsoWeek(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        var counters = await platform.ShardTotalsAsync(tenantId);

        return (department, metric) => metric is Metric.Joined
            ? counters.Where(kv => kv.Key.Metric == Metric.Joined && kv.Key.Department == department && string.CompareOrdinal(kv.Key.Week, week) <= 0).Sum(kv => kv.Value)
            : counters.Where(kv => kv.Key.Week == week && kv.Key.Metric == metric && (department.Length == 0 || kv.Key.Department == department)).Sum(kv => kv.Value);
    }
}
