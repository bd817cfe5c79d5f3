using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// Every route, from the endpoint data source, × every role × own/other tenant × own/other person.
/// The expected access of each route is written here, apart from the code that enforces it, and a
/// route missing from this table fails the test, so a new route cannot be forgotten.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuthorizationMatrixTests(AzuriteFixture fixture, ITestOutputHelper output)
{
    private const string Tenant = "t1";
    private const string OtherTenant = "t2";
    private const string Me = "alice";
    private const string SomeoneElse = "bob";

    private enum Rule
    {
        Public,
        EmployeeSelf,
        Hr,
        CaseWorker,
        TenantAdmin,
        AuditReader,
        TenantMember,
        TenantSettings,
        EmployeeSelfOrTenantAdmin,
        PortalPage,
        HrPage,
        CaseWorkPage,
        AdminPage,
    }

    private static readonly Dictionary<string, Rule> Expected = new()
    {
        ["GET /api/exercises/"] = Rule.Public,
        ["GET /openapi/{documentName}.json"] = Rule.Public,
        ["GET /health/live"] = Rule.Public,
        ["GET /health/ready"] = Rule.Public,
        ["PUT /api/tenants/{tenantId}/"] = Rule.TenantSettings,
        ["GET /api/tenants/{tenantId}/"] = Rule.TenantMember,
        ["GET /api/tenants/{tenantId}/adherence"] = Rule.Hr,
        ["POST /api/tenants/{tenantId}/employees/{employeeId}/enrolment"] = Rule.EmployeeSelf,
        ["GET /api/tenants/{tenantId}/employees/{employeeId}/"] = Rule.EmployeeSelf,
        ["POST /api/tenants/{tenantId}/employees/{employeeId}/screening"] = Rule.EmployeeSelf,
        ["GET /api/tenants/{tenantId}/employees/{employeeId}/routine/today"] = Rule.EmployeeSelf,
        ["POST /api/tenants/{tenantId}/employees/{employeeId}/sessions"] = Rule.EmployeeSelf,
        ["GET /api/tenants/{tenantId}/employees/{employeeId}/sessions"] = Rule.EmployeeSelf,
        ["POST /api/tenants/{tenantId}/employees/{employeeId}/pain-checkins"] = Rule.EmployeeSelf,
        ["GET /api/tenants/{tenantId}/employees/{employeeId}/progress"] = Rule.EmployeeSelf,
        ["POST /api/tenants/{tenantId}/employees/{employeeId}/pause"] = Rule.EmployeeSelf,
        ["DELETE /api/tenants/{tenantId}/employees/{employeeId}/pause"] = Rule.EmployeeSelf,
        ["PUT /api/tenants/{tenantId}/employees/{employeeId}/rest-days"] = Rule.EmployeeSelf,
        ["PUT /api/tenants/{tenantId}/employees/{employeeId}/consent"] = Rule.EmployeeSelf,
        ["POST /api/tenants/{tenantId}/employees/{employeeId}/incidents"] = Rule.EmployeeSelf,
        ["GET /api/tenants/{tenantId}/employees/{employeeId}/incidents"] = Rule.EmployeeSelf,
        ["GET /api/tenants/{tenantId}/employees/{employeeId}/export"] = Rule.EmployeeSelf,
        ["DELETE /api/tenants/{tenantId}/employees/{employeeId}/"] = Rule.EmployeeSelfOrTenantAdmin,
        ["GET /api/tenants/{tenantId}/incidents"] = Rule.CaseWorker,
        ["GET /api/tenants/{tenantId}/incidents/{incidentId}"] = Rule.CaseWorker,
        ["POST /api/tenants/{tenantId}/incidents/{incidentId}/transitions"] = Rule.CaseWorker,
        ["PUT /api/tenants/{tenantId}/employees/{employeeId}/clearance"] = Rule.CaseWorker,
        ["PUT /api/tenants/{tenantId}/employees/{employeeId}/restrictions"] = Rule.CaseWorker,
        ["GET /api/tenants/{tenantId}/employees/{employeeId}/pain-trend"] = Rule.CaseWorker,
        ["PUT /api/tenants/{tenantId}/invitations/{employeeId}"] = Rule.TenantAdmin,
        ["GET /api/tenants/{tenantId}/invitations/"] = Rule.TenantAdmin,
        ["POST /api/tenants/{tenantId}/invitations/imports"] = Rule.TenantAdmin,
        ["GET /api/tenants/{tenantId}/invitations/imports/{importId}"] = Rule.TenantAdmin,
        ["GET /api/tenants/{tenantId}/audit/"] = Rule.AuditReader,
        ["POST /api/tenants/{tenantId}/reconciliation"] = Rule.TenantAdmin,

        // Web pages: tenant and person come from the sign-in, so any tenant's own people may open them.
        ["GET /"] = Rule.Public,
        ["GET /signin"] = Rule.Public,
        ["GET /signout"] = Rule.Public,
        ["GET /access-denied"] = Rule.Public,
        ["GET /portal"] = Rule.PortalPage,
        ["GET /portal/report"] = Rule.PortalPage,
        ["GET /portal/data"] = Rule.PortalPage,
        ["GET /hr"] = Rule.HrPage,
        ["GET /casework"] = Rule.CaseWorkPage,
        ["GET /casework/case"] = Rule.CaseWorkPage,
        ["GET /admin/people"] = Rule.AdminPage,
        ["GET /admin/audit"] = Rule.AdminPage,
    };

    private sealed record Caller(string Name, string? Role, string? Tenant);

    private static readonly Caller[] Callers =
    [
        new("anonymous", null, null),
        new("operator", "operator", null),
        .. new[] { "employee", "hr", "caseworker", "tenant-admin" }.SelectMany(role => new[]
        {
            new Caller($"{role}@own", role, Tenant),
            new Caller($"{role}@other", role, OtherTenant),
        }),
    ];

    [Fact]
    public async Task Every_route_serves_exactly_the_callers_its_rule_allows_and_nobody_else()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        var incidentId = await SeedAsync(platform);

        var routes = platform.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} /{e.RoutePattern.RawText?.TrimStart('/')}"))
            .Distinct().Order().ToList();
        var unknown = routes.Where(r => !Expected.ContainsKey(r)).ToList();
        Assert.True(unknown.Count == 0, "Routes without an expected access rule in this test: " + string.Join(", ", unknown));

        var cells = 0;
        var leaks = new List<string>();
        foreach (var route in routes)
        {
            var (method, pattern) = (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);
            var persons = pattern.Contains("{employeeId}", StringComparison.Ordinal) ? new[] { Me, SomeoneElse } : [Me];
            foreach (var person in persons)
            {
                var url = pattern.Replace("{tenantId}", Tenant, StringComparison.Ordinal)
                    .Replace("{employeeId}", person, StringComparison.Ordinal)
                    .Replace("{incidentId}", incidentId, StringComparison.Ordinal)
                    .Replace("{documentName}", "v1", StringComparison.Ordinal)
                    .Replace("{importId}", "0123456789abcdef0123456789abcdef", StringComparison.Ordinal);
                foreach (var caller in Callers)
                {
                    cells++;
                    var status = await SendAsync(platform, caller, method, url);
                    var allowed = Allowed(Expected[route], caller, person);
                    var isPage = !pattern.StartsWith("/api", StringComparison.Ordinal) && !pattern.StartsWith("/openapi", StringComparison.Ordinal);
                    var expectedDenial = caller.Role is not null ? HttpStatusCode.Forbidden : isPage ? HttpStatusCode.Redirect : HttpStatusCode.Unauthorized;
                    if (allowed ? status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden : status != expectedDenial)
                    {
                        leaks.Add($"{caller.Name} {method} {url} → {(int)status} (expected {(allowed ? "served" : ((int)expectedDenial).ToString(System.Globalization.CultureInfo.InvariantCulture))})");
                    }
                }
            }
        }

        output.WriteLine($"Authorization matrix: {routes.Count} routes, {Callers.Length} callers, {cells} cells checked, {leaks.Count} wrong.");
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    private static bool Allowed(Rule rule, Caller caller, string person)
    {
        var own = caller.Tenant == Tenant;
        return rule switch
        {
            Rule.Public => true,
            Rule.EmployeeSelf => caller.Role == "employee" && own && person == Me,
            Rule.Hr => caller.Role is "hr" or "tenant-admin" && own,
            Rule.CaseWorker => caller.Role == "caseworker" && own,
            Rule.TenantAdmin => caller.Role == "tenant-admin" && own,
            Rule.AuditReader => caller.Role is "caseworker" or "tenant-admin" && own,
            Rule.TenantMember => caller.Role == "operator" || (own && caller.Role is not null),
            Rule.TenantSettings => caller.Role == "operator" || (caller.Role == "tenant-admin" && own),
            Rule.EmployeeSelfOrTenantAdmin => (caller.Role == "employee" && own && person == Me) || (caller.Role == "tenant-admin" && own),
            Rule.PortalPage => caller.Role == "employee",
            Rule.HrPage => caller.Role is "hr" or "tenant-admin",
            Rule.CaseWorkPage => caller.Role == "caseworker",
            Rule.AdminPage => caller.Role == "tenant-admin",
            _ => false,
        };
    }

    private static async Task<HttpStatusCode> SendAsync(PlatformFactory platform, Caller caller, string method, string url)
    {
        // Callers are signed in as "alice" of their tenant; "bob" is always someone else.
        using var http = caller.Role is null
            ? platform.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            : platform.As(caller.Role, caller.Tenant, Me);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Both tenants exist; alice is enrolled in t1, consents, and has reported an incident.</summary>
    private static async Task<string> SeedAsync(PlatformFactory platform)
    {
        await platform.CreateTenantAsync(Tenant, "office");
        await platform.CreateTenantAsync(OtherTenant, "office");
        var (http, path) = await platform.ReadyEmployeeAsync(Tenant, Me, "office");
        await http.SendOkAsync(HttpMethod.Put, $"{path}/consent", new { granted = true });
        var receipt = await http.SendOkAsync(HttpMethod.Post, $"{path}/incidents", new
        {
            clientReportId = "r1",
            occurredAt = DateTimeOffset.UtcNow.AddHours(-3),
            location = "Warehouse",
            activity = "Lifting",
            whatHappened = "Strain",
            injury = "Back strain",
            bodyPart = "Lower back",
            treatment = "firstAid",
        });
        return (string)receipt["case"]!["incidentId"]!;
    }
}
