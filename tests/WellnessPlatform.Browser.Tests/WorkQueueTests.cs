using System.Globalization;

namespace WellnessPlatform.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class WorkQueueTests(BrowserFixture fixture)
{
    /// <summary>The demo's held employee that signs in as "employee-held"; the portal's tests need them held, so they stay.</summary>
    private const string SignInHeld = "emp-007";

    /// <summary>The demo's other employee held at screening (every 17th from the 7th), with no incident: the one cleared here.</summary>
    private const string Held = "emp-024";

    [Fact]
    public async Task A_case_worker_clears_the_demo_held_employee_from_the_work_queue_and_the_count_drops()
    {
        var page = await fixture.SignInAsync("caseworker");
        await page.GotoAsync("/");
        Assert.EndsWith("/casework/queue", page.Url, StringComparison.Ordinal);

        var awaiting = page.Locator("[data-testid=list-AwaitingClearance]");
        Assert.Equal("Awaiting clearance", await awaiting.Locator("h2").InnerTextAsync());
        Assert.Equal(1, await awaiting.Locator($"tr[data-employee={SignInHeld}]").CountAsync());
        var row = awaiting.Locator($"tr[data-employee={Held}]");
        Assert.Contains("Awaiting clearance since", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("No case", await row.InnerTextAsync(), StringComparison.Ordinal);
        var before = await CountAsync(page);
        Assert.True(before >= 1);
        Assert.DoesNotContain("AwaitingClearance", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("workers' compensation", await page.InnerTextAsync("[data-testid=employer-links]"), StringComparison.Ordinal);
        await Axe.AssertCleanAsync(page, "casework-work-queue");
        await BrowserFixture.ScreenshotAsync(page, "casework-work-queue");

        await row.Locator("input[name=note]").FillAsync("Cleared after the GP's letter");
        await page.ClickAsync($"[data-testid=clear-{Held}]");

        Assert.Contains("Clearance recorded", await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(before - 1, await CountAsync(page));
        Assert.Equal(0, await page.Locator($"[data-testid=list-AwaitingClearance] tr[data-employee={Held}]").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "casework-work-queue-cleared");
    }

    private static async Task<int> CountAsync(Microsoft.Playwright.IPage page) =>
        int.Parse(await page.InnerTextAsync("[data-testid=count-AwaitingClearance]"), CultureInfo.InvariantCulture);
}
