using System.Net.Http.Json;

namespace WellnessPlatform.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class HrDashboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Hr_sees_small_departments_as_fewer_than_k_nothing_that_moves_with_one_session_and_exports_exactly_the_screen()
    {
        var page = await fixture.SignInAsync("hr");
        await page.GotoAsync("/hr");
        var before = await page.InnerTextAsync("[data-testid=weekly]");

        // Small groups read "fewer than k": support has 3 people, and drivers is hidden with it.
        var support = await page.InnerTextAsync("tr[data-department=support]");
        Assert.Contains("fewer than 5", support, StringComparison.Ordinal);
        Assert.Contains("fewer than 5", await page.InnerTextAsync("tr[data-department=drivers]"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main a[href*='employees'], main a[href*='portal']").CountAsync());
        await Axe.AssertCleanAsync(page, "hr-dashboard");
        await BrowserFixture.ScreenshotAsync(page, "hr-dashboard");

        // An employee logs a session: the week in progress is not published, so nothing HR sees moves by one.
        using var employee = await fixture.ApiAsAsync("employee");
        var logged = await employee.PostAsJsonAsync("/api/tenants/demo/employees/emp-001/sessions", new
        {
            clientSessionId = Guid.NewGuid().ToString("N"),
            exercises = new[] { new { exerciseId = "partial-crunch", reps = 10, holdSeconds = 1 } },
        });
        logged.EnsureSuccessStatusCode();
        await page.ReloadAsync();
        Assert.Equal(before, await page.InnerTextAsync("[data-testid=weekly]"));

        // The CSV holds exactly the department table on screen.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=csv]"));
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        foreach (var row in await page.Locator("[data-testid=departments] tbody tr").AllAsync())
        {
            var cells = await row.Locator("th, td").AllInnerTextsAsync();
            Assert.Contains(string.Join(',', cells.Select(c => c.Trim())), csv, StringComparison.Ordinal);
        }

        Assert.Contains("fewer than 5", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_week_shows_more_people_active_than_enrolled_or_a_share_above_100_percent_and_the_page_says_what_is_pooled()
    {
        var page = await fixture.SignInAsync("hr");
        await page.GotoAsync("/hr?weeks=26");
        Assert.Contains("What is pooled", await page.InnerTextAsync("[data-testid=pooled]"), StringComparison.Ordinal);

        var compared = 0;
        foreach (var row in await page.Locator("[data-testid=weekly] tbody tr, [data-testid=departments] tbody tr").AllAsync())
        {
            // Columns: group, enrolled, active, meeting target, share meeting target, ...
            var cells = (await row.Locator("th, td").AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
            if (int.TryParse(cells[1], out var enrolled) && int.TryParse(cells[2], out var active))
            {
                Assert.True(active <= enrolled, $"{cells[0]}: {active} active of {enrolled} enrolled");
                Assert.True(!int.TryParse(cells[3], out var met) || met <= active, $"{cells[0]}: {cells[3]} meeting target of {active} active");
                Assert.True(!cells[4].EndsWith('%') || int.Parse(cells[4].TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture) <= 100, $"{cells[0]}: {cells[4]}");
                compared++;
            }
        }

        Assert.True(compared >= 10, $"only {compared} rows had figures to compare");
    }
}
