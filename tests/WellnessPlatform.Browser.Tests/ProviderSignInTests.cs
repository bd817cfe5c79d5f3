using Microsoft.Playwright;

namespace WellnessPlatform.Browser.Tests;

/// <summary>
/// Signing in at the platform's OpenID Connect provider (authorization code with PKCE): its own login
/// page, back to the page that asked, and signing out ends the provider's session as well as ours.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProviderSignInTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_person_signs_in_at_the_provider_returns_to_the_page_they_asked_for_and_signs_out_of_both()
    {
        var page = await fixture.NewPageAsync(phone: false);
        await page.GotoAsync("/casework/queue");
        Assert.Contains("/signin?ReturnUrl=", page.Url, StringComparison.Ordinal);
        await page.ClickAsync("button:has-text('Sign in with your organisation')");

        // A wrong password is the provider's to refuse: it says so and nobody is signed in.
        await fixture.SubmitProviderLoginAsync(page, "cw-1", "not-the-password");
        Assert.StartsWith(fixture.ProviderOrigin, page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Wrong username or password.");

        await fixture.SubmitProviderLoginAsync(page, "cw-1", BrowserFixture.Password);
        await page.WaitForURLAsync($"{fixture.BaseUrl}/casework/queue");
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("Work queue");

        await page.ClickAsync("text=Sign out");
        await page.WaitForURLAsync(url => url.StartsWith($"{fixture.BaseUrl}/signin", StringComparison.Ordinal));
        await page.GotoAsync("/casework/queue");
        Assert.Contains("/signin?ReturnUrl=", page.Url, StringComparison.Ordinal);

        // The provider's session ended too: signing in again asks who is there instead of passing straight through.
        await page.ClickAsync("button:has-text('Sign in with your organisation')");
        await page.WaitForURLAsync(url => url.StartsWith(fixture.ProviderOrigin, StringComparison.Ordinal));
        await Assertions.Expect(page.GetByLabel("Username")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_claims_of_the_providers_id_token_decide_the_surface()
    {
        var hr = await fixture.SignInAsync("hr");
        Assert.StartsWith($"{fixture.BaseUrl}/hr", hr.Url, StringComparison.Ordinal);
        await hr.GotoAsync("/casework/queue");
        Assert.Contains("No access", await hr.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_development_builds_demo_picker_still_signs_in()
    {
        var page = await fixture.SignInWithDemoPickerAsync("tenant-admin");

        await page.WaitForURLAsync($"{fixture.BaseUrl}/hr");
        Assert.Contains("Adherence", await page.InnerTextAsync("main"), StringComparison.Ordinal);
    }
}
