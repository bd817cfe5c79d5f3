using System.Net;

namespace WellnessPlatform.Integration.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class RateLimitTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task A_caller_over_its_budget_gets_429_with_retry_after_while_others_go_on()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId(), settings: new Dictionary<string, string>
        {
            ["WellnessPlatform:RateLimit:PermitsPerMinute"] = "3",
        });
        using var greedy = platform.Employee("t1", "greedy");
        using var other = platform.Employee("t1", "other");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await greedy.GetAsync("/api/exercises")).StatusCode);
        }

        using var refused = await greedy.GetAsync("/api/exercises");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/exercises")).StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_before_it_is_read()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        using var http = platform.Employee("t1", "alice");
        using var content = new StringContent("{\"clientSessionId\":\"" + new string('x', 100_000) + "\"}", System.Text.Encoding.UTF8, "application/json");

        using var response = await http.PostAsync("/api/tenants/t1/employees/alice/sessions", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
