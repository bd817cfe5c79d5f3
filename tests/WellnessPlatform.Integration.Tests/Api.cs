using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace WellnessPlatform.Integration.Tests;

/// <summary>Small helpers for calling the gateway as a client would.</summary>
internal static class Api
{
    public static readonly object Routine = new[]
    {
        new { exerciseId = "partial-crunch", reps = 10, holdSeconds = 1 },
        new { exerciseId = "wall-sit", reps = 10, holdSeconds = 10 },
    };

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

    public static Task<JsonNode> CreateTenantAsync(this HttpClient http, string tenantId, params string[] departments) =>
        http.SendOkAsync(HttpMethod.Put, $"/api/tenants/{tenantId}", new
        {
            name = "Integration employer",
            departments,
            timeZone = "Etc/UTC",
            participationThreshold = 3,
            healthThreshold = 3,
            incidentReportingUrl = "https://example.com/report",
            workersCompensationUrl = "https://example.com/comp",
        });

    /// <summary>Enrols and screens a person so they can log sessions.</summary>
    public static async Task<string> ReadyEmployeeAsync(this HttpClient http, string tenantId, string employeeId, string department)
    {
        var path = $"/api/tenants/{tenantId}/employees/{employeeId}";
        await http.SendOkAsync(HttpMethod.Post, $"{path}/enrolment", new { timeZone = "Etc/UTC", department });
        await http.SendOkAsync(HttpMethod.Post, $"{path}/screening", new { painIntensity = 3, workRelated = false, recentInjury = false, redFlags = Array.Empty<string>() });
        return path;
    }

    public static Task<JsonNode> LogSessionAsync(this HttpClient http, string employeePath, string clientSessionId) =>
        http.SendOkAsync(HttpMethod.Post, $"{employeePath}/sessions", new { clientSessionId, exercises = Routine });

    /// <summary>The adherence week a session day falls in.</summary>
    public static async Task<JsonNode> AdherenceWeekAsync(this HttpClient http, string tenantId, string day)
    {
        var report = await http.SendOkAsync(HttpMethod.Get, $"/api/tenants/{tenantId}/adherence?weeks=2");
        var week = System.Globalization.ISOWeek.GetWeekOfYear(DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        var year = System.Globalization.ISOWeek.GetYear(DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        var name = $"{year:D4}-W{week:D2}";
        return report["weeks"]!.AsArray().Single(w => (string?)w!["week"] == name)!;
    }
}
