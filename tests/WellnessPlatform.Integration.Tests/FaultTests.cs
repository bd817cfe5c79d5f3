using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// Three silo processes on Azurite under a load of session logs with client retries; a silo is killed
/// mid-load and another started. Every acknowledged session must be stored exactly once and the
/// tenant's aggregates must equal the reconciliation's recomputation.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FaultTests(ITestOutputHelper output)
{
    private const string T = "fault";
    private const int Employees = 16;
    private const int SessionsEach = 8;

    [Fact]
    public async Task A_silo_killed_mid_load_loses_no_acknowledged_session_and_counts_none_twice()
    {
        var result = await RunAsync("silo-kill", async (azurite, silos, cluster) =>
        {
            silos[1].Kill();
            silos.Add(await SiloProcess.StartAsync(azurite.ConnectionString, cluster));
        });

        Assert.Equal(Employees * SessionsEach, result.Acknowledged);
    }

    [Fact]
    public async Task Storage_stopped_mid_load_answers_503_and_recovers_without_a_restart_losing_nothing()
    {
        var readsDuringOutage = 0;
        var result = await RunAsync("storage-stop", async (azurite, silos, _) =>
        {
            await azurite.StopAsync();
            try
            {
                // Reads that active grains answer from memory keep working while storage is away
                // (here the tenant's settings, read through every silo).
                foreach (var silo in silos)
                {
                    var config = await GetAsync<JsonObject>(silo, Admin(), $"/api/tenants/{T}");
                    readsDuringOutage += config["name"] is not null ? 1 : 0;
                }

                await Task.Delay(TimeSpan.FromSeconds(4));
            }
            finally
            {
                await azurite.StartAsync();
            }
        });

        Assert.Equal(3, readsDuringOutage);

        Assert.True(result.Unavailable > 0, "writes while storage was down were answered 503");
    }

    [Fact]
    public async Task A_concurrent_double_submit_from_two_clients_counts_once()
    {
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        var cluster = "double-" + Guid.NewGuid().ToString("N")[..8];
        await using var a = await SiloProcess.StartAsync(azurite.ConnectionString, cluster);
        await using var b = await SiloProcess.StartAsync(azurite.ConnectionString, cluster);
        await SetUpAsync(a, employees: 3);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => LogAsync(i % 2 == 0 ? a : b, "p0", "same-session")));
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.OK));
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));

        var stored = await GetAsync<JsonArray>(b, Employee("p0"), $"/api/tenants/{T}/employees/p0/sessions");
        Assert.Single(stored);
        var report = await PostAsync(a, Admin(), $"/api/tenants/{T}/reconciliation");
        Assert.True((bool)report["exact"]!);
    }

    private sealed record LoadResult(int Acknowledged, int Retries, int Unavailable);

    private async Task<LoadResult> RunAsync(string name, Func<AzuriteProcess, List<SiloProcess>, string, Task> disrupt)
    {
        var clock = Stopwatch.StartNew();
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        var cluster = $"{name}-{Guid.NewGuid():N}"[..20].TrimEnd('-');
        var silos = new List<SiloProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                silos.Add(await SiloProcess.StartAsync(azurite.ConnectionString, cluster));
            }

            await SetUpAsync(silos[0], Employees);
            var acknowledged = new ConcurrentDictionary<string, ConcurrentBag<string>>();
            var retries = 0;
            var unavailable = 0;
            var acks = 0;
            var load = Enumerable.Range(0, Employees).Select(async e =>
            {
                var person = $"p{e}";
                for (var s = 0; s < SessionsEach; s++)
                {
                    var id = $"{person}-s{s}";
                    for (var attempt = 0; attempt < 120; attempt++)
                    {
                        var live = silos.Where(x => x.Alive).ToList();
                        var status = await LogAsync(live[Random.Shared.Next(live.Count)], person, id);
                        if (status is HttpStatusCode.Created or HttpStatusCode.OK)
                        {
                            acknowledged.GetOrAdd(person, _ => []).Add(id);
                            Interlocked.Increment(ref acks);
                            break;
                        }

                        if (status == HttpStatusCode.ServiceUnavailable)
                        {
                            Interlocked.Increment(ref unavailable);
                        }

                        Interlocked.Increment(ref retries);
                        await Task.Delay(250);
                    }
                }
            }).ToList();

            // A third of the way in, the disruption.
            while (Volatile.Read(ref acks) < Employees * SessionsEach / 3)
            {
                await Task.Delay(50);
            }

            await disrupt(azurite, silos, cluster);
            await Task.WhenAll(load);

            // Every acknowledged session is stored exactly once.
            var live = silos.First(x => x.Alive);
            var (found, duplicates, missing) = (0, 0, 0);
            foreach (var (person, ids) in acknowledged)
            {
                var stored = await GetAsync<JsonArray>(live, Employee(person), $"/api/tenants/{T}/employees/{person}/sessions");
                var storedIds = stored.Select(x => (string)x!["clientSessionId"]!).ToList();
                found += storedIds.Count;
                duplicates += storedIds.Count - storedIds.Distinct().Count();
                missing += ids.Distinct().Count(id => !storedIds.Contains(id));
            }

            // The tenant's aggregates equal what the employees hold.
            var report = await PostAsync(live, Admin(), $"/api/tenants/{T}/reconciliation");
            var differences = report["differences"]!.AsArray().Count;
            var total = acknowledged.Values.Sum(b => b.Distinct().Count());
            var line = $"{name}: acknowledged={total} found={found} duplicates={duplicates} missing={missing} aggregate-differences={differences} " +
                $"retries={retries} answered-503={unavailable} seconds={clock.Elapsed.TotalSeconds:0.0}";
            output.WriteLine(line);
            var artifacts = Directory.CreateDirectory(Path.Combine(AzuriteProcess.RepositoryRoot(), "artifacts")).FullName;
            await File.WriteAllTextAsync(Path.Combine(artifacts, $"fault-{name}.txt"), line + "\n");

            Assert.Equal(Employees * SessionsEach, total);
            Assert.Equal(total, found);
            Assert.Equal(0, duplicates);
            Assert.Equal(0, missing);
            Assert.Equal(0, differences);
            Assert.True((bool)report["exact"]!);
            return new LoadResult(total, retries, unavailable);
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private static async Task SetUpAsync(SiloProcess silo, int employees)
    {
        await PutAsync(silo, TestTokens.Create("ops", "operator", null), $"/api/tenants/{T}", new { name = "Fault employer", departments = new[] { "office" }, participationThreshold = 3 });
        for (var e = 0; e < employees; e++)
        {
            var person = $"p{e}";
            await PutAsync(silo, Admin(), $"/api/tenants/{T}/invitations/{person}", new { department = "office" });
            await PostAsync(silo, Employee(person), $"/api/tenants/{T}/employees/{person}/enrolment", new { timeZone = "Etc/UTC" });
            await PostAsync(silo, Employee(person), $"/api/tenants/{T}/employees/{person}/screening", new { painIntensity = 3, workRelated = false, recentInjury = false });
        }
    }

    private static async Task<HttpStatusCode> LogAsync(SiloProcess silo, string person, string id)
    {
        try
        {
            using var http = Client(silo, Employee(person));
            using var response = await http.PostAsJsonAsync($"/api/tenants/{T}/employees/{person}/sessions", new
            {
                clientSessionId = id,
                exercises = new[] { new { exerciseId = "wall-sit", reps = 10, holdSeconds = 10 } },
            });
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }

            return response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return HttpStatusCode.GatewayTimeout; // the silo died or timed out: the client retries with the same id
        }
    }

    private static string Admin() => TestTokens.Create("admin", "tenant-admin", T);

    private static string Employee(string person) => TestTokens.Create(person, "employee", T);

    private static HttpClient Client(SiloProcess silo, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(silo.BaseUrl), Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<T> GetAsync<T>(SiloProcess silo, string token, string url)
    {
        using var http = Client(silo, token);
        return (await http.GetFromJsonAsync<T>(url))!;
    }

    private static async Task<JsonNode> PostAsync(SiloProcess silo, string token, string url, object? body = null)
    {
        using var http = Client(silo, token);
        using var response = await http.PostAsJsonAsync(url, body ?? new { });
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task PutAsync(SiloProcess silo, string token, string url, object body)
    {
        using var http = Client(silo, token);
        using var response = await http.PutAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
