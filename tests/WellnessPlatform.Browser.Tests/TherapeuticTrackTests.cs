using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace WellnessPlatform.Browser.Tests;

/// <summary>
/// The clinician-directed track through the pages: a case worker moves the person from their case, the
/// portal says which track they are on, and the HR dashboard shows no track at all.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TherapeuticTrackTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_case_worker_moves_a_person_to_treatment_from_the_case_the_portal_shows_it_and_hr_sees_no_track()
    {
        // The demo employee reports a work-related incident of their own, so the test owns its case.
        using var employee = await fixture.ApiAsAsync("employee");
        using var reported = await employee.PostAsJsonAsync("/api/tenants/demo/employees/emp-001/incidents", new
        {
            clientReportId = $"track-{Guid.NewGuid():N}",
            occurredAt = DateTimeOffset.UtcNow.AddHours(-4),
            location = "Dispatch",
            activity = "Lifting a crate",
            whatHappened = "Felt a pull in the lower back",
            injury = "Back strain",
            bodyPart = "Lower back",
            treatment = "clinician",
        });
        reported.EnsureSuccessStatusCode();
        var incident = (string)(await reported.Content.ReadFromJsonAsync<JsonObject>())!["case"]!["incidentId"]!;

        var caseWorker = await fixture.SignInAsync("caseworker");
        await caseWorker.GotoAsync($"/casework/case?id={incident}");
        Assert.Equal("Wellness routine", await caseWorker.InnerTextAsync("[data-testid=care-track]"));
        await caseWorker.FillAsync("#directedBy", "Dr. Okafor, occupational physician");
        await caseWorker.ClickAsync("[data-testid=track-therapeutic]");

        Assert.Equal("Clinician-directed treatment", await caseWorker.InnerTextAsync("[data-testid=care-track]"));
        var treatment = await caseWorker.InnerTextAsync("[data-testid=treatment]");
        Assert.Contains("directed by Dr. Okafor, occupational physician, moved by cw-1", treatment, StringComparison.Ordinal);
        Assert.DoesNotContain("Therapeutic", await caseWorker.InnerTextAsync("main"), StringComparison.Ordinal);
        await Axe.AssertCleanAsync(caseWorker, "casework-case-track");
        await BrowserFixture.ScreenshotAsync(caseWorker, "casework-case-track");

        var portal = await fixture.SignInAsync("employee");
        await portal.GotoAsync("/portal");
        Assert.Equal("Clinician-directed treatment", await portal.InnerTextAsync("[data-testid=track-name]"));
        Assert.Contains("not part of your employer's wellness figures", await portal.InnerTextAsync("[data-testid=track]"), StringComparison.Ordinal);
        await Axe.AssertCleanAsync(portal, "portal-track");
        await BrowserFixture.ScreenshotAsync(portal, "portal-track");

        var hr = await fixture.SignInAsync("hr");
        await hr.GotoAsync("/hr");
        var dashboard = await hr.InnerTextAsync("main");
        Assert.DoesNotContain("Clinician-directed", dashboard, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Wellness routine", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("Okafor", dashboard, StringComparison.Ordinal);
        Assert.Equal(0, await hr.Locator("[data-testid=track], [data-testid=care-track]").CountAsync());

        // And back, so the demo employee's portal stays as the other tests expect.
        await caseWorker.ClickAsync("[data-testid=track-wellness]");
        Assert.Equal("Wellness routine", await caseWorker.InnerTextAsync("[data-testid=care-track]"));
        await portal.ReloadAsync();
        Assert.Equal("Wellness routine", await portal.InnerTextAsync("[data-testid=track-name]"));
    }
}
