using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace WellnessPlatform.Integration.Tests;

/// <summary>The development issuer exists in Development and nowhere else, whatever the configuration says.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DevSignInTests(AzuriteFixture fixture)
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public async Task Outside_development_there_is_no_way_to_mint_a_token(string environment)
    {
        // Outside Development and the tests the host would not start with the development issuer's keys at all.
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId(), environment, new Dictionary<string, string>
        {
            ["WellnessPlatform:Auth:DevIssuer"] = "true",
            ["WellnessPlatform:DevSignIn:Enabled"] = "true",
        }, developmentIssuer: environment == "Testing");

        // Anonymous callers learn nothing (401 for any unknown route); a signed-in one (an operator of the
        // platform's provider) sees there is no such route.
        using var anonymous = platform.CreateClient();
        using var signedIn = platform.CreateClient();
        signedIn.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await fixture.Identity.MintAsync("platform", "ops", new Dictionary<string, object> { ["role"] = "operator" }, AzuriteFixture.PlatformAudience));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/dev/token/employee", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.PostAsync("/dev/token/employee", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync("/dev/users")).StatusCode);
    }

    [Fact]
    public async Task In_development_a_demo_user_gets_a_token_the_api_accepts()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId(), "Development");
        using var http = platform.CreateClient();

        var users = await http.GetFromJsonAsync<JsonArray>("/dev/users");
        Assert.Contains(users!, u => (string?)u!["role"] == "caseworker");
        using var issued = await http.PostAsync("/dev/token/hr", null);
        var token = (string)(await issued.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!;

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/tenants/demo/adherence")).StatusCode); // signed in; no demo tenant seeded here
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/tenants/demo/employees/emp-001/progress")).StatusCode);
    }
}
