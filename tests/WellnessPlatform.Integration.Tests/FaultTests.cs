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
        var clock = Stopwatch.StartNew();
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        var cluster = "fault-" + Guid.NewGuid().ToString("N")[..8];
        var silos = new List<SiloProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                silos.Add(await SiloProcess.StartAsync(azurite.ConnectionString, cluster));
            }

            await SetUpAsync(silos[0]);
            var acknowledged = new ConcurrentDictionary<string, ConcurrentBag<string>>();
            var failures = 0;
            var acks = 0;
            var killed = false;
            var load = Enumerable.Range(0, Employees).Select(async e =>
            {
                var person = $"p{e}";
                for (var s = 0; s < SessionsEach; s++)
                {
                    var id = $"{person}-s{s}";
                    for (var attempt = 0; attempt < 60; attempt++)
                    {
                        var live = silos.Where(x => x.Alive).ToList();
                        var silo = live[Random.Shared.Next(live.Count)];
                        if (await TryLogAsync(silo, person, id))
                        {
                            acknowledged.GetOrAdd(person, _ => []).Add(id);
                            Interlocked.Increment(ref acks);
                            break;
                        }

                        Interlocked.Increment(ref failures);
                        await Task.Delay(250);
                    }
                }
            }).ToList();

            // A third of the way in, a silo dies without warning and a new one joins.
            while (Volatile.Read(ref acks) < Employees * SessionsEach / 3)
            {
                await Task.Delay(50);
            }

            silos[1].Kill();
            killed = true;
            silos.Add(await SiloProcess.StartAsync(azurite.ConnectionString, cluster));
            await Task.WhenAll(load);

            // Every acknowledged session is stored exactly once.
            var found = 0;
            var duplicates = 0;
            var missing = 0;
            foreach (var (person, ids) in acknowledged)
            {
                var stored = await GetAsync<JsonArray>(silos[0], Employee(person), $"/api/tenants/{T}/employees/{person}/sessions");
                var storedIds = stored.Select(x => (string)x!["clientSessionId"]!).ToList();
                found += storedIds.Count;
                duplicates += storedIds.Count - storedIds.Distinct().Count();
                missing += ids.Distinct().Count(id => !storedIds.Contains(id));
            }

            // The tenant's aggregates equal what the employees hold.
            var report = await PostAsync(silos[0], Admin(), $"/api/tenants/{T}/reconciliation");
            var differences = report["differences"]!.AsArray().Count;
            var total = acknowledged.Values.Sum(b => b.Distinct().Count());
            output.WriteLine($"silo killed mid-load: sessions acknowledged {total}, found {found}, duplicates {duplicates}, missing {missing}, " +
                $"aggregate differences {differences}, pending {(int)report["pendingCorrections"]!}, client retries {failures}, wall time {clock.Elapsed.TotalSeconds:0.0} s");
            await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(Path.Combine(AzuriteProcess.RepositoryRoot(), "artifacts")).FullName, "fault-silo-kill.txt"),
                $"acknowledged={total} found={found} duplicates={duplicates} missing={missing} differences={differences} retries={failures} seconds={clock.Elapsed.TotalSeconds:0.0}\n");

            Assert.True(killed);
            Assert.Equal(Employees * SessionsEach, total);
            Assert.Equal(total, found);
            Assert.Equal(0, duplicates);
            Assert.Equal(0, missing);
            Assert.Equal(0, differences);
            Assert.True((bool)report["exact"]!);
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private static async Task SetUpAsync(SiloProcess silo)
    {
        await PutAsync(silo, TestTokens.Create("ops", "operator", null), $"/api/tenants/{T}", new { name = "Fault employer", departments = new[] { "office" }, participationThreshold = 3 });
        for (var e = 0; e < Employees; e++)
        {
            var person = $"p{e}";
            await PutAsync(silo, Admin(), $"/api/tenants/{T}/invitations/{person}", new { department = "office" });
            await PostAsync(silo, Employee(person), $"/api/tenants/{T}/employees/{person}/enrolment", new { timeZone = "Etc/UTC" });
            await PostAsync(silo, Employee(person), $"/api/tenants/{T}/employees/{person}/screening", new { painIntensity = 3, workRelated = false, recentInjury = false });
        }
    }

    private static async Task<bool> TryLogAsync(SiloProcess silo, string person, string id)
    {
        try
        {
            using var http = Client(silo, Employee(person));
            using var response = await http.PostAsJsonAsync($"/api/tenants/{T}/employees/{person}/sessions", new
            {
                clientSessionId = id,
                exercises = new[] { new { exerciseId = "wall-sit", reps = 10, holdSeconds = 10 } },
            });
            return response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false; // the silo died or timed out: the client retries with the same id
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
