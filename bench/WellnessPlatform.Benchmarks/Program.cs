using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WellnessPlatform.Benchmarks;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Testing;

// Prints one table row per figure, each with the baseline measured in the same run.
var which = args.Length > 0 ? args[0] : "all";
if (which == "bare-server")
{
    // The cold-start baseline: this process serving the bare endpoint, until it is stopped.
    await using var bare = await HttpIngest.StartBareAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
    await Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.WaitForShutdownAsync(bare);
    return;
}

Console.WriteLine($"WellnessPlatform benchmarks · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine("| figure | value | baseline (same run) | ratio | target |");
Console.WriteLine("| --- | --- | --- | --- | --- |");

if (which is "all" or "ingest")
{
    await IngestAsync();
}

if (which is "all" or "writes")
{
    await WritesAsync();
}

if (which is "all" or "dashboard")
{
    await DashboardAsync();
}

if (which is "all" or "memory")
{
    await MemoryAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
}

if (which is "all" or "http")
{
    await HttpAsync();
}

if (which is "all" or "coldstart")
{
    await ColdStartAsync();
}

// Not part of "all": it takes minutes of its own (see docs/performance.md, "Employer scale").
if (which == "scale")
{
    await ScaleScenario.RunAsync(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
}

// 6. Cold start of the embedded default, against a bare Kestrel process started the same way.
static async Task ColdStartAsync()
{
    var (azurite, platform, bare) = await ColdStart.MeasureAsync();
    Console.WriteLine($"| cold start: process start to first 200 from /health/ready (one silo + gateway, Azurite, demo data) | {platform.TotalSeconds:N2} s (Azurite itself: {azurite.TotalSeconds:N2} s before it) | bare Kestrel process to first 200: {bare.TotalSeconds:N2} s | {platform / bare:N1}× | for information |");
}

// 5. Memory per activated employee with a year of history, and stored bytes after five years of daily use.
static async Task MemoryAsync(int employees)
{
    var (bareHeap, bareSet, _) = await MemoryScenario.PerActivationAsync(employees, withHistory: false);
    var (heap, workingSet, active) = await MemoryScenario.PerActivationAsync(employees, withHistory: true);
    Console.WriteLine($"| memory per activated employee, {active:N0} activations, a year of daily history each (a session with pain before and after every day) | managed heap {heap / 1024:N2} KB, working set {workingSet / 1024:N2} KB | just enrolled, no history: heap {bareHeap / 1024:N2} KB, working set {bareSet / 1024:N2} KB | heap {heap / bareHeap:N2}× | ≤ 10 KB |");
    const int Years = 5;
    var (average, max) = await MemoryScenario.StoredAfterYearsAsync(20, Years);
    using var host = await BenchSilo.StartAsync(storage: true);
    var raw = MemoryScenario.RawSize(host.Services.GetRequiredService<Orleans.Serialization.Serializer>(), Years);
    await host.StopAsync();
    Console.WriteLine($"| stored state per employee after {Years} years of daily sessions with pain before and after (20 employees) | {average / 1024:N2} KB average, {max / 1024.0:N2} KB largest | the same history kept raw: {raw / 1024:N1} KB | {average / raw:P1} | ≤ 8 KB |");
}

// 2. Authenticated session logging over HTTP/1.1 keep-alive, wrk in its own process, against a bare Kestrel endpoint.
static async Task HttpAsync()
{
    const int Employees = 30_000;
    const int Connections = 64;
    var window = Phase.Window(TimeSpan.FromSeconds(10));
    await using var bare = await HttpIngest.StartBareAsync(5190);
    var (sink, exported) = await HttpIngest.StartOtlpSinkAsync(4398);
    await using var otlp = sink;
    await using var gateway = await HttpIngest.StartGatewayAsync(5191, 4398);
    await Scenario.SetUpAsync(gateway.Services.GetRequiredService<IGrainFactory>(), Employees, shards: 8);
    var script = HttpIngest.WriteScript(Employees, paceMs: null);
    var paced = HttpIngest.WriteScript(Employees, paceMs: 10);

    await Wrk.RunAsync("http://127.0.0.1:5190", script, Connections, TimeSpan.FromSeconds(3)); // warm-up, discarded
    var floor = await Wrk.RunAsync("http://127.0.0.1:5190", script, Connections, window);
    await Wrk.RunAsync("http://127.0.0.1:5191", script, Connections, TimeSpan.FromSeconds(3));
    var full = await Wrk.RunAsync("http://127.0.0.1:5191", script, Connections, window);
    var steady = await Wrk.RunAsync("http://127.0.0.1:5191", paced, 50, window);
    Console.WriteLine($"| HTTP ingest, POST .../sessions with a JWT, {Connections} keep-alive connections (wrk -t2) | {full.RequestsPerSecond:N0} req/s, p50 {full.P50Ms:0.00} ms, p99 {full.P99Ms:0.00} ms, {full.Errors} errors | bare Kestrel endpoint: {floor.RequestsPerSecond:N0} req/s, p50 {floor.P50Ms:0.00} ms, p99 {floor.P99Ms:0.00} ms | {full.RequestsPerSecond / floor.RequestsPerSecond:P1} | ≥ 35% of bare |");
    var jwt = CostProfile.TokenValidation();
    Console.WriteLine($"| profile: validating one JWT (HS256), one thread | {jwt.Microseconds:N1} µs, {jwt.Bytes / 1024:N1} KB allocated | {2e6 / floor.RequestsPerSecond:N1} µs of the two cores per bare request | {jwt.Microseconds / (2e6 / floor.RequestsPerSecond):N1}× | for the profile |");
    Console.WriteLine($"| HTTP ingest, paced: 50 connections, 10 ms between requests | {steady.RequestsPerSecond:N0} req/s, p50 {steady.P50Ms:0.00} ms, p99 {steady.P99Ms:0.00} ms, {steady.Errors} errors | – | – | p99 < 50 ms at 5,000 req/s |");
    Console.WriteLine($"| profile: OpenTelemetry on in the gateway (traces, metrics, logs over OTLP to a sink in this process) | {exported.Requests:N0} exports, {exported.Bytes / 1e6:N1} MB | – | – | for the profile |");
    File.Delete(script);
    File.Delete(paced);
}

// 4. HR dashboard read latency for tenants of 1,000, 10,000 and 100,000 employees (baseline: 1,000).
static async Task DashboardAsync()
{
    using var host = await BenchSilo.StartAsync();
    var grains = host.Services.GetRequiredService<IGrainFactory>();
    (double P50, double P99)? cachedBaseline = null, changedBaseline = null;
    foreach (var size in new[] { 1_000, 10_000, 100_000 })
    {
        var tenant = $"size-{size}";
        await DashboardScenario.SeedAsync(grains, tenant, size);

        // A cached read (nothing changed since the last one), then a read right after a shard changed.
        foreach (var afterChange in new[] { false, true })
        {
            var (p50, p99, bytes, gen0) = await DashboardScenario.MeasureAsync(grains, tenant, reads: 300, afterChange);
            ref var baseline = ref afterChange ? ref changedBaseline : ref cachedBaseline;
            baseline ??= (p50, p99);
            var kind = afterChange ? "read right after a change" : "cached read";
            Console.WriteLine($"| dashboard {kind} (8 weeks × 10 departments), {size:N0} employees | p50 {p50:0.00} ms, p99 {p99:0.00} ms ({bytes / 1024:N0} KB allocated, {gen0:0.00} gen-0 GCs per read) | p50 {baseline.Value.P50:0.00} ms, p99 {baseline.Value.P99:0.00} ms (1,000 employees, same kind) | p50 {p50 / baseline.Value.P50:0.00}×, p99 {p99 / baseline.Value.P99:0.00}× | 100,000 within 1.2× of 1,000 |");
        }
    }

    await host.StopAsync();
}

// 1. Sessions per second through the employee grain (tenant aggregate kept up to date) against a ping grain.
static async Task IngestAsync()
{
    // A person's sessions are capped per local day (EmployeeRecord.MaxSessionsPerDay); spread widely
    // enough that 11 s at 25,000 sessions/s stays under it, so no call is a cheap refusal.
    const int Employees = 30_000;
    const int Workers = 64;
    using var host = await BenchSilo.StartAsync();
    var grains = host.Services.GetRequiredService<IGrainFactory>();
    await Scenario.SetUpAsync(grains, Employees, shards: 8);

    var ping = await LoadDriver.RunAsync(Workers, TimeSpan.FromSeconds(3), Phase.Window(TimeSpan.FromSeconds(8)),
        (worker, i) => grains.GetGrain<IPingGrain>((worker * 50) + (i % 50)).PingAsync());
    LoadDriver.Result sessions;
    var employees = new RoundRobin(Employees);
    using var allocations = AllocationSampler.Requested ? new AllocationSampler() : null;
    allocations?.Start();
    using (TenantContext.System(Scenario.Actor, Scenario.Tenant))
    {
        // The workers start inside the scope, so every call they make carries it.
        sessions = await LoadDriver.RunAsync(Workers, TimeSpan.FromSeconds(3), Phase.Window(TimeSpan.FromSeconds(8)), (worker, i) =>
            Scenario.LogAsync(grains, employees.Next(), $"w{worker}-{i}"));
    }

    allocations?.Stop();

    var lost = ping.TimedOut + sessions.TimedOut == 0 ? string.Empty : $" ({sessions.TimedOut} sessions and {ping.TimedOut} pings timed out)";
    Console.WriteLine($"| grain-level ingest, {Employees:N0} employees, {Workers} workers, memory storage | {sessions.PerSecond:N0} sessions/s{lost} | {ping.PerSecond:N0} pings/s | {sessions.PerSecond / ping.PerSecond:P1} | ≥ 10% and ≥ 20,000/s |");
    Console.WriteLine($"| allocated per call (whole process, same windows) | {sessions.BytesPerCall / 1024:N1} KB per session | {ping.BytesPerCall / 1024:N2} KB per ping | {sessions.BytesPerCall / ping.BytesPerCall:N0}× | for the profile |");
    foreach (var (type, share) in allocations?.Top(25) ?? [])
    {
        Console.WriteLine($"| profile: allocated by type (allocation ticks, BENCH_ALLOCATIONS=1): {type} | {share:P1} of the bytes | – | {share * sessions.BytesPerCall / 1024:N2} KB per session | for the profile |");
    }

    // Where a session's own CPU goes, one thread, no contention; a ping's share of the two cores for scale.
    var pingMicros = Environment.ProcessorCount * 1e6 / ping.PerSecond;
    var sessionMicros = Environment.ProcessorCount * 1e6 / sessions.PerSecond;
    var rules = CostProfile.Rules();
    var write = CostProfile.StateWrite(host.Services, out var stateBytes);
    Console.WriteLine($"| profile: CPU per session across the cores (from the rates above) | {sessionMicros:N1} µs | {pingMicros:N1} µs per ping | {sessionMicros / pingMicros:N0}× | for the profile |");
    Console.WriteLine($"| profile: the rules (replay from checkpoint, contribution, diff), one thread | {rules.Microseconds:N1} µs, {rules.Bytes / 1024:N1} KB allocated | {pingMicros:N1} µs per ping | {rules.Microseconds / pingMicros:N1}× | for the profile |");
    Console.WriteLine($"| profile: serializing the stored state ({stateBytes:N0} bytes), one thread | {write.Microseconds:N1} µs, {write.Bytes / 1024:N1} KB allocated | {pingMicros:N1} µs per ping | {write.Microseconds / pingMicros:N1}× | for the profile |");
    await host.StopAsync();

    // The same sessions with a storage that serializes each write as Azure Table storage does and keeps
    // nothing (MeasuringGrainStorage): no memory-storage grain hop, no copy of the bytes, no Guid ETag,
    // and no network either. What the platform's own path costs, to tell it from the stand-in's share.
    using var direct = await BenchSilo.StartAsync(storage: true);
    var directGrains = direct.Services.GetRequiredService<IGrainFactory>();
    await Scenario.SetUpAsync(directGrains, Employees, shards: 8);
    LoadDriver.Result directSessions;
    var directEmployees = new RoundRobin(Employees);
    using (TenantContext.System(Scenario.Actor, Scenario.Tenant))
    {
        directSessions = await LoadDriver.RunAsync(Workers, TimeSpan.FromSeconds(3), Phase.Window(TimeSpan.FromSeconds(8)), (worker, i) =>
            Scenario.LogAsync(directGrains, directEmployees.Next(), $"d{worker}-{i}"));
    }

    Console.WriteLine($"| profile: the same sessions, storage serializing in place (no storage grain, no I/O) | {directSessions.PerSecond:N0} sessions/s, {directSessions.BytesPerCall / 1024:N1} KB per session | {ping.PerSecond:N0} pings/s (above) | {directSessions.PerSecond / ping.PerSecond:P1} | for the profile |");
    await direct.StopAsync();
}

// 3. Durable writes per acknowledged session, counted at the Azure SDK pipeline, on Azurite.
static async Task WritesAsync()
{
    const int Employees = 1_000;
    const int SessionsEach = 10;
    await using var azurite = new AzuriteProcess();
    await azurite.StartAsync();
    var counter = new StorageWriteCounter();
    using var host = await BenchSilo.StartAsync(azurite.ConnectionString, counter);
    var grains = host.Services.GetRequiredService<IGrainFactory>();
    await Scenario.SetUpAsync(grains, Employees, shards: 4);
    await Task.Delay(TimeSpan.FromSeconds(3)); // let the set-up's shard flushes land before counting

    var before = counter.Writes;
    var employeeBefore = counter.EmployeeWrites;
    var clock = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, Employees * SessionsEach), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (n, _) =>
    {
        using var scope = TenantContext.System(Scenario.Actor, Scenario.Tenant);
        await Scenario.LogAsync(grains, n % Employees, $"s{n}");
    });
    var elapsed = clock.Elapsed;
    await Task.Delay(TimeSpan.FromSeconds(4)); // the shards' last batched flush belongs to this run
    var writes = counter.Writes - before;
    var own = counter.EmployeeWrites - employeeBefore;
    var sessions = Employees * SessionsEach;
    Console.WriteLine($"| durable writes per acknowledged session, {sessions:N0} sessions on Azurite | {(double)writes / sessions:0.000} | the employees' own state writes, counted in this run: {(double)own / sessions:0.000} | {(double)writes / own:0.000}× | ≤ 1.05× |");
    Console.WriteLine($"| sessions/s Azurite sustains (32 concurrent, one silo) | {sessions / elapsed.TotalSeconds:N0} sessions/s | – | – | for information |");
    await host.StopAsync();
}
