using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace WellnessPlatform.Browser.Tests;

/// <summary>The employee's own controls in the portal: a medical pause (start, until, end), planned rest days, the reminder email and the calendar link.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalControlsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_employee_pauses_the_routine_until_a_day_and_ends_the_pause_from_the_portal()
    {
        var page = await fixture.SignInAsync("employee");
        await page.GotoAsync("/portal");
        await Axe.AssertCleanAsync(page, "portal-controls");
        var today = DateOnly.Parse(await page.InputValueAsync("#pauseFrom"), CultureInfo.InvariantCulture);

        // An end before the start is refused, names the field, and pauses nothing.
        await page.FillAsync("#pauseUntil", today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause my routine" }).ClickAsync();
        Assert.Equal(1, await page.Locator(".errors li[data-field=until]").CountAsync());
        Assert.Null((await StatusAsync())["activePause"]);

        await page.FillAsync("#pauseUntil", today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause my routine" }).ClickAsync();
        Assert.Contains("paused until", await page.InnerTextAsync(".notice"), StringComparison.Ordinal);
        Assert.Contains("Your routine is paused", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=log]").CountAsync());
        Assert.Contains("until", await page.InnerTextAsync("[data-testid=pause-state]"), StringComparison.Ordinal);
        var paused = (await StatusAsync())["activePause"]!;
        Assert.Equal((today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ((string)paused["from"]!, (string)paused["until"]!));
        await Axe.AssertCleanAsync(page, "portal-paused");

        await page.GetByRole(AriaRole.Button, new() { Name = "End my pause" }).ClickAsync();
        Assert.Contains("pause has ended", await page.InnerTextAsync(".notice"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("[data-testid=log]").CountAsync());
        Assert.Null((await StatusAsync())["activePause"]);
    }

    [Fact]
    public async Task An_employee_sets_planned_rest_days_and_more_than_two_are_refused()
    {
        var page = await fixture.SignInAsync("employee");
        await page.GotoAsync("/portal");
        var before = (await page.Locator("input[name=restDays]:checked").EvaluateAllAsync<string[]>("els => els.map(e => e.value)")).ToHashSet();

        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday" })
        {
            await page.Locator($"input[name=restDays][value={day}]").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save rest days" }).ClickAsync();
        Assert.Equal(1, await page.Locator(".errors li[data-field=restDays]").CountAsync());

        await page.GotoAsync("/portal");
        await page.Locator("input[name=restDays][value=Wednesday]").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save rest days" }).ClickAsync();
        Assert.Contains("from next Monday", await page.InnerTextAsync(".notice"), StringComparison.Ordinal);

        // Put the person's plan back as it was, for the tests that read the demo tenant after this one.
        await page.GotoAsync("/portal");
        foreach (var box in await page.Locator("input[name=restDays]").AllAsync())
        {
            var value = await box.GetAttributeAsync("value");
            await box.SetCheckedAsync(value is not null && before.Contains(value));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save rest days" }).ClickAsync();
        Assert.Contains("from next Monday", await page.InnerTextAsync(".notice"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_employee_turns_the_daily_reminder_email_on_at_a_local_time_and_off_again()
    {
        var page = await fixture.SignInAsync("employee");
        await page.GotoAsync("/portal");
        await page.Locator("input[name=dailyReminder]").CheckAsync();
        await page.FillAsync("#email", "alex@example.com");
        await page.FillAsync("#reminderTime", "07:45");
        await page.FillAsync("#quietStart", "22:00");
        await page.FillAsync("#quietMinutes", "480");
        await page.Locator("input[name=streakNudge]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save reminder settings" }).ClickAsync();
        Assert.Contains("daily reminder is on", await page.InnerTextAsync(".notice"), StringComparison.Ordinal);
        Assert.Contains("07:45", await page.InnerTextAsync("[data-testid=notification-controls]"), StringComparison.Ordinal);
        await Axe.AssertCleanAsync(page, "portal-notifications");

        using var api = await fixture.ApiAsAsync("employee");
        var on = (await api.GetFromJsonAsync<JsonNode>("/api/tenants/demo/employees/emp-001/notifications"))!;
        Assert.Equal((true, "alex@example.com", "07:45", true), ((bool)on["dailyReminder"]!, (string)on["email"]!, (string)on["reminderTime"]!, (bool)on["streakNudge"]!));

        await page.Locator("input[name=dailyReminder]").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save reminder settings" }).ClickAsync();
        Assert.Contains("daily reminder is off", await page.InnerTextAsync(".notice"), StringComparison.Ordinal);
        var off = (await api.GetFromJsonAsync<JsonNode>("/api/tenants/demo/employees/emp-001/notifications"))!;
        Assert.False((bool)off["dailyReminder"]!);
    }

    [Fact]
    public async Task An_employee_creates_a_calendar_link_that_serves_the_planned_sessions_and_stops_it_again()
    {
        var page = await fixture.SignInAsync("employee");
        await page.GotoAsync("/portal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a calendar link" }).ClickAsync();
        Assert.Contains("calendar link is ready", await page.InnerTextAsync(".notice"), StringComparison.Ordinal);
        var first = await page.InputValueAsync("#calendar-url");
        await Axe.AssertCleanAsync(page, "portal-calendar");

        // The address answers without signing in, as a calendar app asks.
        using var calendarApp = new HttpClient();
        using (var feed = await calendarApp.GetAsync(new Uri(first)))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, feed.StatusCode);
            Assert.StartsWith("BEGIN:VCALENDAR\r\n", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Make a new link (the old one stops working)" }).ClickAsync();
        var second = await page.InputValueAsync("#calendar-url");
        Assert.NotEqual(first, second);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await calendarApp.GetAsync(new Uri(first))).StatusCode);

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop the calendar link" }).ClickAsync();
        Assert.Contains("stopped working", await page.InnerTextAsync(".notice"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#calendar-url").CountAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await calendarApp.GetAsync(new Uri(second))).StatusCode);
    }

    private async Task<JsonNode> StatusAsync()
    {
        using var api = await fixture.ApiAsAsync("employee");
        return (await api.GetFromJsonAsync<JsonNode>("/api/tenants/demo/employees/emp-001"))!;
    }
}
