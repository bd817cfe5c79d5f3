using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace WellnessPlatform.Integration.Tests;

/// <summary>Small helpers for calling the gateway as its users would.</summary>
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

    /// <summary>The adherence week a session day falls in, as HR sees it.</summary>
    public static async Task<JsonNode> AdherenceWeekAsync(this PlatformFactory platform, string tenantId, string day)
    {
        var dashboard = await platform.Hr(tenantId).SendOkAsync(HttpMethod.Get, $"/api/tenants/{tenantId}/adherence?weeks=2");
        var date = DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var name = $"{System.Globalization.ISOWeek.GetYear(date):D4}-W{System.Globalization.ISOWeek.GetWeekOfYear(date):D2}";
        return dashboard["adherence"]!["weeks"]!.AsArray().Single(w => (string?)w!["week"] == name)!;
    }
}
