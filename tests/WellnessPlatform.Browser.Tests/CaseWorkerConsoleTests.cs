namespace WellnessPlatform.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class CaseWorkerConsoleTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_case_worker_takes_an_incident_through_its_workflow_and_sees_the_audit_trail()
    {
        var page = await fixture.SignInAsync("caseworker");
        await page.GotoAsync("/casework?status=Reported");
        Assert.Contains("demo-lifting-strain", await page.InnerTextAsync("[data-testid=queue]"), StringComparison.Ordinal);
        Assert.Contains("In treatment", await page.InnerTextAsync("[data-testid=counts]"), StringComparison.Ordinal);
        Assert.DoesNotContain("InTreatment", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("workers' compensation", await page.InnerTextAsync("[data-testid=employer-links]"), StringComparison.Ordinal);
        await Axe.AssertCleanAsync(page, "casework-queue");
        await BrowserFixture.ScreenshotAsync(page, "casework-queue");

        await page.ClickAsync("text=demo-lifting-strain");
        Assert.Contains("7 calendar days", await page.InnerTextAsync("[data-testid=form301]"), StringComparison.Ordinal);
        await Axe.AssertCleanAsync(page, "casework-case");
        Assert.Contains("workers' compensation", await page.InnerTextAsync("[data-testid=employer-links]"), StringComparison.Ordinal);
        foreach (var (step, label) in new[] { ("Triaged", "Triaged"), ("InTreatment", "In treatment"), ("RestrictedDuty", "Restricted duty"), ("ReturnToWork", "Back at work"), ("Closed", "Closed") })
        {
            await page.ClickAsync($"button[data-transition={step}]");
            Assert.Equal(label, await page.InnerTextAsync("[data-testid=status]"));
        }

        Assert.Equal(6, await page.Locator("[data-testid=timeline] li").CountAsync());
        Assert.Contains("This case is closed", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        var audit = await page.InnerTextAsync("[data-testid=audit]");
        Assert.Contains("incident.transition", audit, StringComparison.Ordinal);
        Assert.Contains("incident.read", audit, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "casework-case-closed");
    }

    [Fact]
    public async Task The_queue_pages_with_a_next_link_that_keeps_the_filters_and_the_counts_cover_every_case()
    {
        var page = await fixture.SignInAsync("caseworker");
        await page.GotoAsync("/casework?maxAgeDays=30&pageSize=1");
        var seen = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var rows = page.Locator("[data-testid=queue] tbody tr");
            Assert.Equal(1, await rows.CountAsync());
            seen.Add(await rows.Locator("td a").First.InnerTextAsync());
            var next = page.Locator("[data-testid=next-page]");
            if (await next.CountAsync() == 0)
            {
                break;
            }

            var href = await next.GetAttributeAsync("href");
            Assert.Contains("maxAgeDays=30", href, StringComparison.Ordinal);
            Assert.Contains("pageSize=1", href, StringComparison.Ordinal);
            if (seen.Count == 1)
            {
                await Axe.AssertCleanAsync(page, "casework-queue-paged");
            }

            await next.ClickAsync();
            Assert.Equal(1, await page.Locator("[data-testid=first-page]").CountAsync());
            if (seen.Count == 1)
            {
                await BrowserFixture.ScreenshotAsync(page, "casework-queue-page-2");
            }
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Contains("demo-lifting-strain", seen);
        Assert.Contains("demo-van-step", seen);
        var counts = await page.Locator("[data-testid=counts] td").AllInnerTextsAsync();
        Assert.Equal(seen.Count, counts.Sum(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
