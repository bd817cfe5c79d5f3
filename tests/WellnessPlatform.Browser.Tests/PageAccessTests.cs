using Microsoft.Playwright;

namespace WellnessPlatform.Browser.Tests;

/// <summary>Opening another surface's URL directly shows nothing of it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageAccessTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("hr", "/portal", "My back-care routine")]
    [InlineData("employee", "/hr", "Adherence")]
    [InlineData("employee", "/casework", "Incident queue")]
    [InlineData("hr", "/casework/case?id=demo-van-step", "Loading bay")]
    [InlineData("caseworker", "/hr", "Departments")]
    public async Task Another_role_gets_nothing_of_a_page(string user, string url, string secret)
    {
        var page = await fixture.SignInAsync(user);
        await page.GotoAsync(url);

        var text = await page.InnerTextAsync("main");
        Assert.Contains("No access", text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_worker_of_another_tenant_cannot_open_this_tenants_case()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + fixture.TokenFor("cw-x", "caseworker", "other") },
        });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/casework/case?id=demo-van-step");

        Assert.Equal(404, response!.Status);
        Assert.DoesNotContain("Delivery van", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await fixture.SignInAsync("hr");
        await page.ClickAsync("text=Sign out");

        // Signing out passes through the provider and back; a navigation before it lands would race it.
        await page.WaitForURLAsync(url => url.EndsWith("/signin", StringComparison.Ordinal));
        await page.GotoAsync("/hr");

        Assert.EndsWith("/signin?ReturnUrl=%2Fhr", page.Url, StringComparison.Ordinal);
        await Axe.AssertCleanAsync(page, "signin");
        await BrowserFixture.ScreenshotAsync(page, "signin");
    }
}
