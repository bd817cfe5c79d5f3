using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace WellnessPlatform.Browser.Tests;

/// <summary>The tenant admin registers the employer's own identity provider on the Settings page, and removes it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IdentityProviderSettingsTests(BrowserFixture fixture)
{
    private const string Progress = "/api/tenants/demo/employees/emp-001/progress";

    [Fact]
    public async Task An_admin_registers_the_provider_its_tokens_then_sign_people_in_and_removing_it_refuses_them()
    {
        var token = await fixture.MintAtEmployerAsync("00u-alex", new Dictionary<string, object> { ["preferred_username"] = "EMP-001", ["groups"] = new[] { "Staff" } });
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(token)); // nobody registered the provider yet

        var page = await fixture.SignInAsync("tenant-admin");
        await page.GotoAsync("/admin/settings");
        await Axe.AssertCleanAsync(page, "admin-settings-provider");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save the provider" });

        // Without an issuer: the error is shown, the field is marked, nothing is registered.
        await page.GetByLabel("Audience of its tokens for this platform").FillAsync(BrowserFixture.EmployerAudience);
        await save.ClickAsync();
        Assert.Contains("'issuer' is required.", await page.InnerTextAsync("#provider-errors"), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetByLabel("Issuer URL").GetAttributeAsync("aria-invalid"));
        Assert.Contains("No provider is registered", await page.InnerTextAsync("[data-testid=saved-provider]"), StringComparison.Ordinal);
        await Axe.AssertCleanAsync(page, "admin-settings-provider-error");

        try
        {
            await page.GetByLabel("Issuer URL").FillAsync(fixture.EmployerIssuer);
            await page.GetByLabel("Audience of its tokens for this platform").FillAsync(BrowserFixture.EmployerAudience);
            await page.GetByLabel("Claim naming the person").FillAsync("preferred_username");
            await page.GetByLabel("Claim carrying groups or roles").FillAsync("groups");
            await page.GetByLabel("Group for employees").FillAsync("Staff");
            await save.ClickAsync();

            Assert.Contains($"Saved: tokens from {fixture.EmployerIssuer}", await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
            Assert.Contains(fixture.EmployerIssuer, await page.InnerTextAsync("[data-testid=saved-provider]"), StringComparison.Ordinal);
            Assert.Equal("Staff", await page.GetByLabel("Group for employees").InputValueAsync());
            await BrowserFixture.ScreenshotAsync(page, "admin-settings-provider");

            // The employer's token now speaks for emp-001 of the demo employer (its username, as SCIM would name them).
            Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(token));
        }
        finally
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Remove the provider" }).ClickAsync();
        }

        Assert.Contains("Removed", await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(token));
    }

    private async Task<HttpStatusCode> StatusWithAsync(string token)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.GetAsync(Progress);
        return response.StatusCode;
    }
}
