using System.Net;

namespace WellnessPlatform.Integration.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class HealthTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task Readiness_follows_storage_and_liveness_does_not()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        using var http = platform.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        await fixture.Azurite.StopAsync();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await WaitForAsync(http, HttpStatusCode.ServiceUnavailable));
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            await fixture.Azurite.StartAsync();
        }

        Assert.Equal(HttpStatusCode.OK, await WaitForAsync(http, HttpStatusCode.OK));
    }

    private static async Task<HttpStatusCode> WaitForAsync(HttpClient http, HttpStatusCode wanted)
    {
        var status = HttpStatusCode.InternalServerError;
        for (var i = 0; i < 60 && status != wanted; i++)
        {
            status = (await http.GetAsync("/health/ready")).StatusCode;
            if (status != wanted)
            {
                await Task.Delay(500);
            }
        }

        return status;
    }
}
