using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Tenants;
using WellnessPlatform.Domain.Time;
using Xunit.Abstractions;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// Three silo processes on Azurite under a load of session logs with client retries; mid-load a silo is
/// killed, or storage stops or crashes. Afterwards, read from the tables themselves: every acknowledged
/// session is stored exactly once, and the tenant's stored weekly counters equal what the test counts
/// from its own acknowledgements.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FaultTests(ITestOutputHelper output)
{
    private const string T = "fault";
    private const int Employees = 16;
    private const int SessionsEach = 8;

    /// <summary>Between one person's sessions: the load runs about 12 s, so every disruption meets it mid-way.</summary>
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// The platform's promise: an answer within 5 s, as the client measures it (the gateway stops waiting
    /// at WellnessPlatform:Storage:RequestDeadline, 4 s, and the rest is for the answer to travel).
    /// </summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_silo_killed_mid_load_loses_no_acknowledged_session_and_counts_none_twice()
    {
        ActivationMap? map = null;
        var (hosted, retriesBefore) = (0, 0);
        Run run;
        try
        {
            run = await RunAsync("silo-kill", async scenario =>
            {
                // Where the employees are active now: the silo hosting most of them is the one that dies.
                var active = await map!.EmployeesAsync(T);
                await map.DisposeAsync();
                var victim = scenario.Live().MaxBy(s => active.Count(m => m.SiloPort == s.SiloPort))!;
                hosted = active.Count(m => m.SiloPort == victim.SiloPort);
                retriesBefore = scenario.Load.Retries;
                scenario.Fault();
                victim.Kill();
                await scenario.StartSilosAsync(1);
            }, beforeLoad: async scenario => map = await ActivationMap.ConnectAsync(scenario.Azurite.ConnectionString, scenario.Cluster));
        }
        finally
        {
            await (map?.DisposeAsync() ?? ValueTask.CompletedTask);
        }

        output.WriteLine($"the killed silo hosted {hosted} of {Employees} employees; {run.Load.Retries - retriesBefore} attempts retried after the kill");
        Assert.True(hosted > 0, "the killed silo hosted none of the employees, so the kill tested nothing");
        Assert.True(run.Load.Retries > retriesBefore, "no client had to retry after the kill");
        AssertNothingLostOrDoubled(run);
    }

    [Fact]
    public async Task Storage_stopped_mid_load_answers_503_and_recovers_without_a_restart_losing_nothing()
    {
        var readsDuringOutage = 0;
        var run = await RunAsync("storage-stop", async scenario =>
            readsDuringOutage = await OutageAsync(scenario, () =>
            {
                scenario.Fault();
                return scenario.Azurite.StopAsync();
            }));

        Assert.Equal(3, readsDuringOutage);
        Assert.True(run.Load.Unavailable > 0, "no write met the outage");
        AssertNothingLostOrDoubled(run);
    }

    /// <summary>
    /// Storage dies by SIGKILL: every open connection is cut and the port refuses until it is back.
    /// Azurite itself keeps its tables in memory and saves them whole every 5 s, so a bare SIGKILL also
    /// loses writes it had acknowledged, which durable storage never does. So the silos reach it through
    /// a relay that holds their connections from before a save to the kill: what Azurite acknowledged
    /// is all on disk when it dies, and the clean stop's assertions must all hold.
    /// </summary>
    [Fact]
    public async Task Storage_crashing_mid_load_answers_503_and_recovers_losing_nothing()
    {
        var readsDuringOutage = 0;
        var run = await RunAsync("storage-sigkill", async scenario =>
        {
            readsDuringOutage = await OutageAsync(scenario, async () =>
            {
                scenario.Fault();
                scenario.Proxy!.Freeze();

                await scenario.Azurite.WaitUntilSavedAsync();
                await scenario.Azurite.CrashAsync();
                scenario.Proxy.Thaw();
            });
        }, throughProxy: true);

        Assert.Equal(3, readsDuringOutage);
        Assert.True(run.Load.Unavailable > 0, "no write met the crash");
        AssertNothingLostOrDoubled(run);
    }

    [Fact]
    public async Task A_concurrent_double_submit_from_two_clients_counts_once()
    {
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        var cluster = "double-" + Guid.NewGuid().ToString("N")[..8];
        await using var a = await SiloProcess.StartAsync(azurite.ConnectionString, cluster);
        await using var b = await SiloProcess.StartAsync(azurite.ConnectionString, cluster);
        await SetUpAsync([a], employees: 3);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => LogOnceAsync(i % 2 == 0 ? a : b, "p0", "same-session")));
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.OK));
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));

        var stored = await new StoredGrainState(azurite.ConnectionString, cluster).EmployeeAsync(T, "p0");
        Assert.Equal("same-session", Assert.Single(stored!.Value.State.Sessions).ClientSessionId);
        var report = await PostAsync(a, Admin(), $"/api/tenants/{T}/reconciliation");
        Assert.True((bool)report["exact"]!);
    }

    /// <summary>What a scenario ended with; <see cref="Unacknowledged"/> counts stored sessions no client was told were stored.</summary>
    private sealed record Run(FaultFigures Figures, SessionLoad Load, int AcknowledgedAfterFault, int Unacknowledged,
        IReadOnlyList<string> CounterMismatches, JsonNode Reconciliation);

    private async Task<Run> RunAsync(string name, Func<FaultScenario, Task> disrupt, Func<FaultScenario, Task>? beforeLoad = null, bool throughProxy = false)
    {
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        await using var proxy = throughProxy ? new FreezingProxy(azurite.Port) : null;
        var scenario = new FaultScenario(azurite, $"{name}-{Guid.NewGuid():N}"[..20].TrimEnd('-'), proxy);
        try
        {
            await scenario.StartSilosAsync(3);
            await SetUpAsync(scenario.All, Employees);
            await (beforeLoad?.Invoke(scenario) ?? Task.CompletedTask);
            scenario.Load = SessionLoad.Start(scenario.Any, T, Employees, SessionsEach, Pace);

            // A third of the way in, the disruption.
            await scenario.Load.ReachAsync(Employees * SessionsEach / 3);
            await disrupt(scenario);
            await scenario.Load.Completion;

            // Corrections still travelling to the shards land before this answers (it waits for none pending).
            var report = await PostAsync(scenario.Live()[0], Admin(), $"/api/tenants/{T}/reconciliation");
            return await CountAsync(name, scenario, report);
        }
        finally
        {
            foreach (var silo in scenario.All)
            {
                await silo.DisposeAsync();
            }
        }
    }

    /// <summary>Counts, from the tables, what the load's acknowledgements became.</summary>
    private async Task<Run> CountAsync(string name, FaultScenario scenario, JsonNode report)
    {
        var storage = new StoredGrainState(scenario.Azurite.ConnectionString, scenario.Cluster);
        var stored = new List<string>();
        for (var e = 0; e < Employees; e++)
        {
            stored.AddRange((await storage.EmployeeAsync(T, $"p{e}"))?.State.Sessions.Select(s => s.ClientSessionId) ?? []);
        }

        var acknowledged = scenario.Load.Acknowledged;
        var acknowledgedIds = acknowledged.Select(a => a.ClientSessionId).ToHashSet();
        var storedIds = stored.ToHashSet();
        var figures = new FaultFigures(name, acknowledged.Count, stored.Count, stored.Count - storedIds.Count,
            acknowledgedIds.Count(id => !storedIds.Contains(id)), scenario.Load.Slowest);
        await figures.ReportAsync(output);

        var afterFault = acknowledged.Count - scenario.AcknowledgedAtFault;
        var mismatches = CompareCounters(acknowledged, await storage.CountersAsync(T, TenantConfig.DefaultShards));
        output.WriteLine($"{name}: {afterFault} acknowledged after the fault struck; retried {scenario.Load.Retries} " +
            $"({scenario.Load.Unavailable} answered 503, {scenario.Load.Dropped} connections cut); reconciliation: {report.ToJsonString()}");
        foreach (var mismatch in mismatches)
        {
            output.WriteLine(mismatch);
        }

        return new Run(figures, scenario.Load, afterFault, storedIds.Count(id => !acknowledgedIds.Contains(id)), mismatches, report);
    }

    /// <summary>The stored weekly counters against the test's own count: sessions, and people with at least one, per ISO week.</summary>
    private static List<string> CompareCounters(IReadOnlyCollection<SessionLoad.Acknowledgement> sessions, Dictionary<CellKey, long> stored)
    {
        var counted = sessions.GroupBy(s => LocalCalendar.IsoWeek(s.Day)).ToDictionary(g => g.Key, g => (Sessions: (long)g.Count(), Active: (long)g.Select(s => s.Person).Distinct().Count()));
        long Stored(string week, Metric metric) => stored.Where(kv => kv.Key.Week == week && kv.Key.Metric == metric).Sum(kv => kv.Value);
        return [.. counted.Keys.Union(stored.Keys.Where(k => k.Metric is Metric.Sessions or Metric.Active).Select(k => k.Week)).Order(StringComparer.Ordinal)
            .SelectMany(week => new[]
            {
                (Week: week, Metric: Metric.Sessions, Counted: counted.GetValueOrDefault(week).Sessions),
                (Week: week, Metric: Metric.Active, Counted: counted.GetValueOrDefault(week).Active),
            })
            .Where(c => Stored(c.Week, c.Metric) != c.Counted)
            .Select(c => $"{c.Week} {c.Metric}: counted {c.Counted}, stored {Stored(c.Week, c.Metric)}")];
    }

    private static void AssertNothingLostOrDoubled(Run run)
    {
        Assert.Equal(Employees * SessionsEach, run.Figures.Acknowledged);
        Assert.True(run.AcknowledgedAfterFault > 0, "the load had ended before the fault struck");
        Assert.Equal(run.Figures.Acknowledged, run.Figures.FoundInStorage);
        Assert.Equal(0, run.Figures.Duplicates);
        Assert.Equal(0, run.Figures.Missing);
        Assert.Equal(0, run.Unacknowledged);
        Assert.Empty(run.CounterMismatches);
        Assert.Empty(run.Reconciliation["differences"]!.AsArray());
        Assert.True((bool)run.Reconciliation["exact"]!, "reconciliation did not find the aggregates exact");
        Assert.True(run.Figures.SlowestAnswer <= Bound, $"the slowest answer took {run.Figures.SlowestAnswer.TotalSeconds:0.00} s");
    }

    /// <summary>
    /// Storage goes away for about 4 s. Reads that active grains answer from memory keep working
    /// meanwhile (here the tenant's settings, read through every silo); returns how many did.
    /// </summary>
    private static async Task<int> OutageAsync(FaultScenario scenario, Func<Task> stop)
    {
        var reads = 0;
        await stop();
        try
        {
            foreach (var silo in scenario.Live())
            {
                var config = await GetAsync<JsonObject>(silo, Admin(), $"/api/tenants/{T}");
                reads += config["name"] is not null ? 1 : 0;
            }

            await Task.Delay(TimeSpan.FromSeconds(4));
        }
        finally
        {
            await scenario.Azurite.StartAsync();
        }

        return reads;
    }

    /// <summary>Tenant and employees, each employee set up through a different silo so their grains start spread out.</summary>
    private static async Task SetUpAsync(IReadOnlyList<SiloProcess> silos, int employees)
    {
        await PutAsync(silos[0], TestTokens.Create("ops", "operator", null), $"/api/tenants/{T}", new { name = "Fault employer", departments = new[] { "office" }, participationThreshold = 3 });
        for (var e = 0; e < employees; e++)
        {
            var (person, silo) = ($"p{e}", silos[e % silos.Count]);
            await PutAsync(silo, Admin(), $"/api/tenants/{T}/invitations/{person}", new { department = "office" });
            await PostAsync(silo, Employee(person), $"/api/tenants/{T}/employees/{person}/enrolment", new { timeZone = "Etc/UTC" });
            await PostAsync(silo, Employee(person), $"/api/tenants/{T}/employees/{person}/screening", new { painIntensity = 3, workRelated = false, recentInjury = false });
        }
    }

    private static async Task<HttpStatusCode> LogOnceAsync(SiloProcess silo, string person, string id)
    {
        using var http = Client(silo, Employee(person));
        using var response = await http.PostAsJsonAsync($"/api/tenants/{T}/employees/{person}/sessions", new
        {
            clientSessionId = id,
            exercises = new[] { new { exerciseId = "wall-sit", reps = 10, holdSeconds = 10 } },
        });
        return response.StatusCode;
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
