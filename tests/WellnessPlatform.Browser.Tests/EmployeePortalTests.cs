using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace WellnessPlatform.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class EmployeePortalTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_new_employee_enrols_screens_does_the_routine_with_the_timer_logs_it_and_sees_the_week_move()
    {
        var page = await fixture.SignInAsync("employee-new", phone: true);
        await page.Context.Clock.InstallAsync();
        await page.GotoAsync("/portal");

        // First run: join with a time zone, then the screening.
        await page.SelectOptionAsync("#timeZone", "Europe/London");
        await Axe.AssertCleanAsync(page, "portal-enrol");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Axe.AssertCleanAsync(page, "portal-screening");
        await BrowserFixture.ScreenshotAsync(page, "portal-screening");
        await page.SelectOptionAsync("#painIntensity", "3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my answers" }).ClickAsync();

        // Today's routine, with the source's instructions and a guided hold.
        Assert.Equal("0", await page.InnerTextAsync("[data-testid=week-done]"));
        var wallSit = page.Locator("[data-exercise=wall-sit]");
        Assert.Contains("count of ten", await wallSit.InnerTextAsync(), StringComparison.Ordinal);
        await wallSit.Locator("[data-timer-start]").ClickAsync();
        await page.Context.Clock.RunForAsync(10_000);
        Assert.Equal("1", await wallSit.Locator("[data-rep-count]").InnerTextAsync());
        Assert.Equal("1", await wallSit.Locator("[data-reps]").InputValueAsync());
        await wallSit.Locator("[data-timer-start]").ClickAsync();
        await page.Context.Clock.RunForAsync(10_000);
        Assert.Equal("2", await wallSit.Locator("[data-reps]").InputValueAsync());
        await Axe.AssertCleanAsync(page, "portal-routine");

        // Logging is safe to press twice: the form carries one client id.
        await page.FillAsync("#painBefore", "3");
        await page.FillAsync("#painAfter", "2");
        await page.Locator("[data-testid=log]").DblClickAsync();
        await page.WaitForSelectorAsync(".notice");
        Assert.Equal("1", await page.InnerTextAsync("[data-testid=week-done]"));
        var today = await page.GetAttributeAsync("td.today", "class");
        Assert.Contains("done", today, StringComparison.Ordinal);
        Assert.NotEmpty(await page.InnerTextAsync("[data-testid=streak-current]"));
        Assert.Contains("Phase 1 of 3", await page.InnerTextAsync("[data-testid=phase]"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "portal-after-logging");

        using var api = await ApiForNewEmployeeAsync();
        var sessions = await api.GetFromJsonAsync<JsonArray>("/api/tenants/demo/employees/emp-new/sessions");
        Assert.Single(sessions!);
    }

    [Fact]
    public async Task A_held_employee_sees_why_and_what_to_do_and_can_report_an_incident()
    {
        var page = await fixture.SignInAsync("employee-held");
        await page.GotoAsync("/portal");

        var hold = await page.InnerTextAsync("[data-testid=hold]");
        Assert.Contains("red-flag", hold, StringComparison.Ordinal);
        Assert.Contains("case worker will record when you are cleared", hold, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=log]").CountAsync());
        await Axe.AssertCleanAsync(page, "portal-hold");
        await BrowserFixture.ScreenshotAsync(page, "portal-hold");

        await page.ClickAsync("[data-testid=report-link]");
        await Axe.AssertCleanAsync(page, "portal-report");
        // The time is asked on the person's own clock, in their zone, and stored as that instant.
        var zone = TimeZoneInfo.FindSystemTimeZoneById((await page.GetAttributeAsync("#occurredAt", "data-zone"))!);
        var occurred = DateTimeOffset.UtcNow.AddHours(-2);
        occurred = occurred.AddTicks(-(occurred.Ticks % TimeSpan.TicksPerMinute));
        await page.FillAsync("#occurredAt", TimeZoneInfo.ConvertTime(occurred, zone).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#location", "Aisle 4");
        await page.FillAsync("#activity", "Reaching for a box on a high shelf");
        await page.FillAsync("#whatHappened", "Twisted while lowering the box");
        await page.FillAsync("#injury", "Back strain");
        await page.FillAsync("#bodyPart", "Lower back");
        await page.SelectOptionAsync("#treatment", "FirstAid");
        await page.ClickAsync("text=Send report");
        var receipt = await page.InnerTextAsync("[data-testid=receipt]");
        Assert.Contains("occupational-health team", receipt, StringComparison.Ordinal);
        Assert.Contains("Workers' compensation", receipt, StringComparison.Ordinal);
        Assert.Contains(zone.Id, receipt, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "portal-report-receipt");
        using var api = await fixture.ApiAsAsync("employee-held");
        var own = await api.GetFromJsonAsync<JsonNode>("/api/tenants/demo/employees/emp-007/incidents");
        Assert.Contains(own!["items"]!.AsArray(), c => (DateTimeOffset)c!["occurredAt"]! == occurred);
    }

    private async Task<HttpClient> ApiForNewEmployeeAsync() => await fixture.ApiAsAsync("employee-new");
}
