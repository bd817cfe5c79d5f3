using System.Net;
using System.Net.Http.Headers;

namespace WellnessPlatform.Integration.Tests;

/// <summary>Only unexpired tokens signed by a trusted key, for this audience and issuer, with a tenant, get in.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TokenTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private const string Url = "/api/tenants/t1/employees/alice/progress";
    private PlatformFactory _platform = null!;

    public Task InitializeAsync()
    {
        _platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    public static TheoryData<string, string> BadTokens() => new()
    {
        { "expired", TestTokens.Create("alice", "employee", "t1", expires: DateTime.UtcNow.AddMinutes(-5)) },
        { "unsigned (alg none)", TestTokens.Unsigned("alice", "employee", "t1") },
        { "signed with another key", TestTokens.Create("alice", "employee", "t1", key: TestTokens.OtherKey) },
        { "for another audience", TestTokens.Create("alice", "employee", "t1", audience: "someone-else") },
        { "from another issuer", TestTokens.Create("alice", "employee", "t1", issuer: "https://evil.example.com") },
        { "without a tenant claim", TestTokens.Create("alice", "employee", tenant: null) },
        { "not a token at all", "garbage" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused(string why, string token)
    {
        Assert.NotNull(why);
        using var http = _platform.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_good_token_gets_past_authentication()
    {
        using var http = _platform.Employee("t1", "alice");

        using var response = await http.GetAsync(Url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode); // signed in; alice simply is not enrolled
    }

    [Fact]
    public async Task No_token_at_all_is_refused()
    {
        using var response = await _platform.CreateClient().GetAsync(Url);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
