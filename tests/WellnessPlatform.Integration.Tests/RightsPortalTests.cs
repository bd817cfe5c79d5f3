using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WellnessPlatform.Grains.Rights;
using WellnessPlatform.Host.Rights;

namespace WellnessPlatform.Integration.Tests;

/// <summary>The portal's "Your data" page, signed in with the page cookie: the download, and erasure behind a typed confirmation.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class RightsPortalTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task The_portal_offers_the_download_and_erases_only_after_the_typed_confirmation()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId(), "Development");
        await platform.CreateTenantAsync("demo", "warehouse");
        var (api, path) = await platform.ReadyEmployeeAsync("demo", "emp-new", "warehouse");
        await api.LogSessionAsync(path, "s-1");
        using var browser = platform.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(browser, "/signin", "/signin", new() { ["userId"] = "employee-new" })).StatusCode);

        Assert.Contains("/portal/data", await browser.GetStringAsync("/portal"), StringComparison.Ordinal);
        using var download = await browser.GetAsync("/portal/data?handler=Download");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var json = platform.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var export = (await download.Content.ReadFromJsonAsync<EmployeeDataExport>(json))!;
        Assert.Equal("s-1", Assert.Single(export.Employee!.Sessions).ClientSessionId);

        using var refused = await PostFormAsync(browser, "/portal/data", "/portal/data?handler=Erase", new() { ["confirm"] = "yes" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"Type {ErasureConfirmation.Phrase} to confirm", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await api.SendOkAsync(HttpMethod.Get, path); // still there

        using var erased = await PostFormAsync(browser, "/portal/data", "/portal/data?handler=Erase", new() { ["confirm"] = ErasureConfirmation.Phrase });
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Contains("erased-", await erased.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendForAsync(HttpMethod.Get, path)).Status);
    }

    /// <summary>Posts a form the way the page does, with the antiforgery token from the page it is on.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, string action, Dictionary<string, string> fields)
    {
        var html = await browser.GetStringAsync(page);
        fields["__RequestVerificationToken"] = Antiforgery().Match(html).Groups[1].Value;
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
