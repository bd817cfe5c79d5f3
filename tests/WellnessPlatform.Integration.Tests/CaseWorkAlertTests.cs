using System.Net;
using System.Text.RegularExpressions;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// The occupational-health team's alerts over HTTP, on the real host, Azurite and MailDev: a person held
/// at screening, rising pain (only with consent) and a new incident each send one email to the tenant's
/// team address, naming nobody and no health detail, only the work queue; the link in it stops them.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class CaseWorkAlertTests(AzuriteFixture fixture)
{
    private const string T = "alerts";
    private static readonly string[] HealthWords = ["pain", "screening", "hold", "held", "clearance", "incident", "injur", "strain", "form 301", "rising"];
    private static readonly string[] People = ["ann", "bo", "cy", "dee"];

    [Fact]
    public async Task New_work_is_announced_once_to_the_team_address_without_health_detail_and_the_link_in_it_stops_the_alerts()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        var team = $"oh-team-{Guid.NewGuid():N}@example.com";
        await CreateTenantAsync(platform, team);

        await platform.ReadyEmployeeAsync(T, "ann", "warehouse", pain: 8);
        Assert.Single(await fixture.MailDev.Inbox().WaitForAsync(team));

        // Rising pain: announced for the person who consents, never for the one who does not.
        var (bo, boPath) = await platform.ReadyEmployeeAsync(T, "bo", "warehouse", pain: 2);
        await bo.SendOkAsync(HttpMethod.Put, $"{boPath}/consent", new { granted = true });
        var (cy, cyPath) = await platform.ReadyEmployeeAsync(T, "cy", "warehouse", pain: 2);
        foreach (var (http, path) in new[] { (bo, boPath), (cy, cyPath) })
        {
            await http.SendOkAsync(HttpMethod.Post, $"{path}/pain-checkins", new { clientCheckInId = Guid.NewGuid().ToString("N"), pain = 5 });
            await http.SendOkAsync(HttpMethod.Post, $"{path}/pain-checkins", new { clientCheckInId = Guid.NewGuid().ToString("N"), pain = 5 });
        }

        Assert.Equal(2, (await fixture.MailDev.Inbox().WaitForAsync(team, 2)).Count);

        // A new incident, reported twice with the same client id: one case, one email.
        var (dee, deePath) = await platform.ReadyEmployeeAsync(T, "dee", "warehouse");
        var report = Api.IncidentReport("report-1");
        await dee.SendOkAsync(HttpMethod.Post, $"{deePath}/incidents", report);
        await dee.SendOkAsync(HttpMethod.Post, $"{deePath}/incidents", report);

        await fixture.MailDev.Inbox().WaitForAsync(team, 4);
        await Task.Delay(1000);
        var sent = await fixture.MailDev.Inbox().ToAsync(team);
        Assert.Equal(3, sent.Count);
        Assert.Equal(3, sent.Select(e => e.MessageId).Distinct().Count());
        var queue = await platform.CaseWorker(T).SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/care-queue?kind=painRising");
        Assert.Equal("bo", (string)Assert.Single(queue["items"]!.AsArray())!["employeeId"]!);
        foreach (var email in sent)
        {
            Assert.Contains("http://localhost/casework/queue", email.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(HealthWords, w => email.Text.Contains(w, StringComparison.OrdinalIgnoreCase) || email.Subject.Contains(w, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(People, p => WordPattern().Matches(email.Text + " " + email.Subject).Any(m => m.Value == p));
        }

        // The link: a wrong secret finds nothing; the right one removes the address, and nothing more is sent.
        var link = new Uri(UnsubscribeLink().Match(sent[0].Text).Value);
        var anonymous = platform.CreateClient();
        var wrong = link.PathAndQuery[..(link.PathAndQuery.IndexOf("token=", StringComparison.Ordinal) + 6)] + "guessed";
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync(new Uri(wrong, UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(new Uri(link.PathAndQuery, UriKind.Relative), null)).StatusCode);
        Assert.Null((await platform.Admin(T).SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}"))["caseWorkEmail"]);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync(new Uri(link.PathAndQuery, UriKind.Relative), null)).StatusCode);

        await platform.ReadyEmployeeAsync(T, "eve", "warehouse", pain: 8);
        await Task.Delay(1000);
        Assert.Equal(3, (await fixture.MailDev.Inbox().ToAsync(team)).Count);
    }

    [Fact]
    public async Task A_team_address_that_is_not_one_is_a_400_naming_the_field_and_nothing_changes()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        var team = $"oh-team-{Guid.NewGuid():N}@example.com";
        await CreateTenantAsync(platform, team);

        var (status, problem) = await platform.Admin(T).SendForAsync(HttpMethod.Put, $"/api/tenants/{T}", Settings("occupational health"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]?["caseWorkEmail"]);
        Assert.Equal(team, (string?)(await platform.Admin(T).SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}"))["caseWorkEmail"]);
    }

    [Fact]
    public async Task The_team_address_is_read_by_tenant_admins_case_workers_and_operators_and_left_out_for_employees_and_hr()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        var team = $"oh-team-{Guid.NewGuid():N}@example.com";
        await CreateTenantAsync(platform, team);
        var (employee, _) = await platform.ReadyEmployeeAsync(T, "ann", "warehouse");

        foreach (var staff in new[] { platform.Admin(T), platform.CaseWorker(T), platform.Operator() })
        {
            Assert.Equal(team, (string?)(await staff.SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}"))["caseWorkEmail"]);
        }

        foreach (var reader in new[] { employee, platform.Hr(T) })
        {
            var settings = (await reader.SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}")).AsObject();
            Assert.Equal("Alerting employer", (string?)settings["name"]);
            Assert.False(settings.ContainsKey("caseWorkEmail"));
            Assert.DoesNotContain(team, settings.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    private static Task<System.Text.Json.Nodes.JsonNode> CreateTenantAsync(PlatformFactory platform, string team) =>
        platform.Operator().SendOkAsync(HttpMethod.Put, $"/api/tenants/{T}", Settings(team));

    private static object Settings(string team) => new
    {
        name = "Alerting employer",
        departments = new[] { "warehouse" },
        timeZone = "Etc/UTC",
        participationThreshold = 3,
        healthThreshold = 3,
        caseWorkEmail = team,
    };

    [GeneratedRegex(@"http://localhost/notifications/casework/unsubscribe\?\S+")]
    private static partial Regex UnsubscribeLink();

    [GeneratedRegex(@"[A-Za-z0-9]+")]
    private static partial Regex WordPattern();
}
