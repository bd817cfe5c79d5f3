using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace WellnessPlatform.Browser.Tests;

/// <summary>The tenant admin sets, and clears, the occupational-health team's address on the Settings page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseWorkAlertSettingsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_admin_saves_the_team_address_a_bad_one_shows_the_error_and_changes_nothing_and_stopping_removes_it()
    {
        using var api = await fixture.ApiAsAsync("tenant-admin");
        var original = await SavedAsync(api);
        var page = await fixture.SignInAsync("tenant-admin");
        await page.GotoAsync("/admin/people");
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        Assert.EndsWith("/admin/settings", page.Url, StringComparison.Ordinal);
        await Axe.AssertCleanAsync(page, "admin-settings");
        var address = page.GetByLabel("Team email address");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true });

        try
        {
            await address.FillAsync("oh-team@riverside.example");
            await save.ClickAsync();
            Assert.Contains("Saved: case-work alerts go to oh-team@riverside.example.", await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
            Assert.Equal("Alerts go to oh-team@riverside.example.", (await page.InnerTextAsync("[data-testid=saved-address]")).Trim());
            Assert.Equal("oh-team@riverside.example", await address.InputValueAsync());
            Assert.Equal("oh-team@riverside.example", await SavedAsync(api));

            // Not an address: the error sits next to the field, and the saved address stays.
            await address.FillAsync("occupational health");
            await save.ClickAsync();
            var error = page.Locator("#caseWorkEmail-error");
            Assert.StartsWith("Give one address such as team@example.com", await error.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("caseWorkEmail-error", await address.GetAttributeAsync("aria-describedby"));
            Assert.Equal("true", await address.GetAttributeAsync("aria-invalid"));
            Assert.DoesNotContain("caseWorkEmail", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            Assert.Equal("Alerts go to oh-team@riverside.example.", (await page.InnerTextAsync("[data-testid=saved-address]")).Trim());
            Assert.Equal("oh-team@riverside.example", await SavedAsync(api));
            await Axe.AssertCleanAsync(page, "admin-settings-error");
            await BrowserFixture.ScreenshotAsync(page, "admin-settings-error");

            // Stopping the alerts removes the address.
            await page.GetByRole(AriaRole.Button, new() { Name = "Stop the alerts" }).ClickAsync();
            Assert.Contains("Case-work alerts are off", await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
            Assert.Equal("No address is saved, so no alerts are sent.", (await page.InnerTextAsync("[data-testid=saved-address]")).Trim());
            Assert.Null(await SavedAsync(api));
            await Axe.AssertCleanAsync(page, "admin-settings-off");
        }
        finally
        {
            // The demo tenant is shared with the other browser tests: put its address back.
            await page.GotoAsync("/admin/settings");
            await address.FillAsync(original ?? string.Empty);
            await save.ClickAsync();
        }
    }

    private static async Task<string?> SavedAsync(HttpClient api) =>
        (string?)(await api.GetFromJsonAsync<JsonObject>("/api/tenants/demo"))!["caseWorkEmail"];
}
