using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace WellnessPlatform.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class YourDataPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_employee_finds_their_data_page_downloads_everything_held_and_sees_what_erasure_means()
    {
        var page = await fixture.SignInAsync("employee");
        await page.GotoAsync("/portal");
        await page.ClickAsync("[data-testid=data-link]");
        await page.WaitForURLAsync("**/portal/data");
        await Axe.AssertCleanAsync(page, "portal-data");
        await BrowserFixture.ScreenshotAsync(page, "portal-data");

        // The download is the machine-readable export of this person's record, and only theirs.
        var href = await page.GetAttributeAsync("[data-testid=export-link]", "href");
        var response = await page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.Contains("attachment", response.Headers["content-disposition"], StringComparison.Ordinal);
        var export = JsonNode.Parse(await response.TextAsync())!;
        Assert.Equal(1, (int)export["schemaVersion"]!);
        Assert.Contains("emp-001", export.ToJsonString(), StringComparison.Ordinal);

        // Erasure asks for a typed confirmation and says it cannot be undone; it is not pressed here.
        Assert.Contains("permanently", await page.GetByRole(AriaRole.Button, new() { Name = "Erase my data permanently" }).InnerTextAsync(), StringComparison.Ordinal);
    }
}
