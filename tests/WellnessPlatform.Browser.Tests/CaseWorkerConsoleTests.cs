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
        await Axe.AssertCleanAsync(page, "casework-queue");
        await BrowserFixture.ScreenshotAsync(page, "casework-queue");

        await page.ClickAsync("text=demo-lifting-strain");
        Assert.Contains("7 calendar days", await page.InnerTextAsync("[data-testid=form301]"), StringComparison.Ordinal);
        await Axe.AssertCleanAsync(page, "casework-case");
        foreach (var step in new[] { "Triaged", "InTreatment", "RestrictedDuty", "ReturnToWork", "Closed" })
        {
            await page.ClickAsync($"button[data-transition={step}]");
            Assert.Equal(step, await page.InnerTextAsync("[data-testid=status]"));
        }

        Assert.Equal(6, await page.Locator("[data-testid=timeline] li").CountAsync());
        Assert.Contains("This case is closed", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        var audit = await page.InnerTextAsync("[data-testid=audit]");
        Assert.Contains("incident.transition", audit, StringComparison.Ordinal);
        Assert.Contains("incident.read", audit, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "casework-case-closed");
    }
}
