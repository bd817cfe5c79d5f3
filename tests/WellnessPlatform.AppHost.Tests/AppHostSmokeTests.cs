using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;

namespace WellnessPlatform.AppHost.Tests;

/// <summary>The local orchestration as a whole: Azurite, MailDev, the OpenID Connect provider, three clustered silos, and a session logged through it.</summary>
public sealed class AppHostSmokeTests
{
    private static readonly string[] Silos = ["silo-1", "silo-2", "silo-3"];

    [Fact]
    public async Task The_apphost_brings_up_three_active_silos_on_azurite_and_a_session_can_be_logged_through_it()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.WellnessPlatform_AppHost>(
            ["WellnessAppHost:AzuriteLocation=memory"], timeout.Token);
        await using var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);

        foreach (var silo in Silos)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(silo, timeout.Token);
        }

        // MailDev is up with its inbox, where the silos' email goes (the demo tenant's case-work alerts among it).
        await app.ResourceNotifications.WaitForResourceHealthyAsync("maildev", timeout.Token);
        using (var inbox = app.CreateHttpClient("maildev", "inbox"))
        {
            Assert.StartsWith("[", (await inbox.GetStringAsync("/api/email", timeout.Token)).TrimStart(), StringComparison.Ordinal);
        }

        // Every silo reports itself active in a cluster of three.
        foreach (var silo in Silos)
        {
            using var http = app.CreateHttpClient(silo, "http");
            var ready = await http.GetStringAsync("/health/ready", timeout.Token);
            Assert.Contains("one of 3 active silo(s)", ready, StringComparison.Ordinal);
        }

        // A session goes in through one silo (the demo data is seeded by another).
        using var gateway = app.CreateHttpClient("silo-3", "http");
        using var issued = await gateway.PostAsync("/dev/token/employee", null, timeout.Token);
        var token = (string)(await issued.Content.ReadFromJsonAsync<JsonObject>(timeout.Token))!["accessToken"]!;
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpStatusCode status;
        do
        {
            using var response = await gateway.PostAsJsonAsync("/api/tenants/demo/employees/emp-001/sessions", new
            {
                clientSessionId = "apphost-smoke",
                exercises = new[] { new { exerciseId = "wall-sit", reps = 10, holdSeconds = 10 } },
            }, timeout.Token);
            status = response.StatusCode;
            if (status == HttpStatusCode.NotFound)
            {
                await Task.Delay(500, timeout.Token); // demo data still being seeded
            }
        }
        while (status == HttpStatusCode.NotFound);

        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"logging answered {(int)status}");
        var sessions = await gateway.GetFromJsonAsync<JsonArray>("/api/tenants/demo/employees/emp-001/sessions", timeout.Token);
        Assert.Contains(sessions!, s => (string?)s!["clientSessionId"] == "apphost-smoke");

        // The platform's OpenID Connect provider is up, and a silo takes its RS256 tokens (discovery and JWKS).
        await app.ResourceNotifications.WaitForResourceHealthyAsync("identity", timeout.Token);
        using (var identity = app.CreateHttpClient("identity", "http"))
        {
            using var minted = await identity.PostAsJsonAsync("/platform/_test/token", new { sub = "admin-1", claims = new { role = "tenant-admin", tenant = "demo" } }, timeout.Token);
            var providerToken = (string)(await minted.Content.ReadFromJsonAsync<JsonObject>(timeout.Token))!["access_token"]!;
            using var silo = app.CreateHttpClient("silo-2", "http");
            silo.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", providerToken);
            using var settings = await silo.GetAsync("/api/tenants/demo", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        }
    }
}
