using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Browser.Tests;

/// <summary>
/// The links in the emails, opened as a person opens them from their mail client (not signed in): each
/// shows a page with one button, the button stops that email, and the link then finds nothing. Its own
/// tenant, so the demo tenant's people and alerts stay as they are.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EmailLinkTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_emails_unsubscribe_link_asks_once_then_stops_that_email_and_is_spent()
    {
        var tenant = $"mail-{Guid.NewGuid():N}"[..13];
        var team = $"oh-{tenant}@example.com";
        var person = $"ann-{tenant}@example.com";
        using var op = fixture.ApiAs("platform-op", Roles.Operator, null);
        await SendOkAsync(op, HttpMethod.Put, $"/api/tenants/{tenant}", new
        {
            name = "Mail links employer", departments = new[] { "office" }, timeZone = "Etc/UTC",
            participationThreshold = 3, healthThreshold = 3, aggregateShards = 1, caseWorkEmail = team,
        });
        using var admin = fixture.ApiAs("admin-1", Roles.TenantAdmin, tenant);
        await SendOkAsync(admin, HttpMethod.Put, $"/api/tenants/{tenant}/invitations/ann", new { department = "office" });
        using var ann = fixture.ApiAs("ann", Roles.Employee, tenant);
        var path = $"/api/tenants/{tenant}/employees/ann";
        await SendOkAsync(ann, HttpMethod.Post, $"{path}/enrolment", new { timeZone = "Etc/UTC" });
        await SendOkAsync(ann, HttpMethod.Put, $"{path}/notifications", new { dailyReminder = true, email = person, reminderTime = "07:00", careNotices = true });

        // Screening that holds the routine: a neutral notice to the person, an alert to the team.
        await SendOkAsync(ann, HttpMethod.Post, $"{path}/screening", new { painIntensity = 8, workRelated = false, recentInjury = false, redFlags = Array.Empty<string>() });
        var notice = Assert.Single(await fixture.Inbox.WaitForAsync(person));
        var alert = Assert.Single(await fixture.Inbox.WaitForAsync(team));

        await StopThroughLinkAsync(notice.Text, "/notifications/unsubscribe", "Stop the daily reminder", "email-link-reminder");
        await StopThroughLinkAsync(alert.Text, "/notifications/casework/unsubscribe", "Stop the case-work alerts", "email-link-casework");

        var settings = await ann.GetFromJsonAsync<JsonNode>($"{path}/notifications");
        Assert.False((bool)settings!["dailyReminder"]!);
        var config = await admin.GetFromJsonAsync<JsonNode>($"/api/tenants/{tenant}");
        Assert.Null(config!["caseWorkEmail"]);
    }

    private async Task StopThroughLinkAsync(string emailText, string route, string button, string name)
    {
        var link = LinkPattern().Matches(emailText).Select(m => m.Value).Single(l => new Uri(l).AbsolutePath == route);
        Assert.StartsWith(fixture.BaseUrl + "/", link, StringComparison.Ordinal);
        var context = await fixture.Browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            var opened = await page.GotoAsync(link);
            Assert.Equal(200, opened!.Status);
            Assert.Equal($"{button}?", (await page.InnerTextAsync("h1")).Trim());
            await Axe.AssertCleanAsync(page, $"{name}-confirm");

            await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            Assert.Equal("Unsubscribed", (await page.InnerTextAsync("h1")).Trim());
            await Axe.AssertCleanAsync(page, $"{name}-done");
            await BrowserFixture.ScreenshotAsync(page, name);

            // Spent: the same link now finds nothing.
            var again = await page.GotoAsync(link);
            Assert.Equal(404, again!.Status);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task SendOkAsync(HttpClient http, HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [GeneratedRegex(@"https?://\S+/notifications/\S*unsubscribe\?\S+")]
    private static partial Regex LinkPattern();
}
