using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using WellnessPlatform.Domain.Roster;
using WellnessPlatform.Grains;
using WellnessPlatform.Grains.Roster;
using WellnessPlatform.Host.Api.Requests;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// Employer scale (issue 12): one tenant of N people onboarded by CSV, M of them enrolled, screened and
/// logging a week of sessions, some reporting incidents; then the pages' reads against a demo-sized
/// tenant built the same way in the same run, the largest stored entities, the wake-ups per day and the
/// heap per activated employee. Everything goes through the gateway over HTTP, on Azurite.
/// </summary>
internal static class ScaleScenario
{
    public const string Tenant = "scale";
    public const string Baseline = "demo";
    private const int Departments = 20;
    private const int Shards = 16;
    private const int BaselinePeople = 40;
    // Enough cases that the baseline's first queue page is as full as the large tenant's (50): the two
    // pages then carry the same content, and only the tenant's size differs.
    private const int BaselineIncidents = 60;
    private const int Concurrency = 32;
    private const int WarmUpReads = 30;
    // A p99 of 1,000 reads is the tenth slowest: steadier than the third of 300.
    private const int TimedReads = 1000;
    private const int PageSize = 100;
    private const int DeepPages = 500;
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan IdleWindow = TimeSpan.FromMinutes(1);
    private static readonly string[] ReminderKinds = ["review", "release"];

    public static string Person(int i) => $"p{i:D6}";

    public static async Task RunAsync(int people, int enrolled)
    {
        var total = Stopwatch.StartNew();
        var phases = new List<(string Name, TimeSpan Took, double SelfCpu, double AzuriteCpu)>();
        var phase = Stopwatch.StartNew();

        // The week is simulated: people enrol six days "ago" on the platform clock, which then steps to today.
        var clock = new SteppedClock { Offset = -TimeSpan.FromDays(6) };
        using var wakeups = new WakeupCounter();
        await using var host = await ScaleHost.StartAsync(clock, Concurrency * 2);
        var api = new ScaleApi(host.Http);
        var load = new ScaleLoad(api, clock, Concurrency);
        var cpu = new CpuMeter(host.Azurite.Port);
        var cpuAt = (Self: 0.0, Azurite: 0.0);
        void EndPhase(string name)
        {
            var now = cpu.Read();
            phases.Add((name, phase.Elapsed, now.Self - cpuAt.Self, now.Azurite - cpuAt.Azurite));
            Console.Error.WriteLine($"  {name}: {phase.Elapsed.TotalSeconds:N1} s, CPU: this process {now.Self - cpuAt.Self:N1} s, Azurite {now.Azurite - cpuAt.Azurite:N1} s (total {total.Elapsed.TotalMinutes:N1} min)");
            cpuAt = now;
            phase.Restart();
        }

        EndPhase("Azurite and host started");

        // 2. The operator creates both tenants: 16 shards × 6,250 = a roster of 100,000.
        foreach (var tenant in new[] { Tenant, Baseline })
        {
            var departments = Enumerable.Range(0, Departments).Select(d => $"dept-{d}").ToList();
            Require(await api.SendAsync("tenant", HttpMethod.Put, $"/api/tenants/{tenant}", ScaleTokens.Operator(),
                new TenantRequest("Scale employer", departments, "Etc/UTC", null, null, null, null, null, null, Shards)), "tenant created");
        }

        // 3. Onboarding: the baseline tenant first (it also creates the roster table), then the large one.
        var baselineImport = await ScaleOnboarding.UploadAsync(api, Baseline, ScaleOnboarding.Csv(BaselinePeople, Departments), PollEvery);
        var import = await ScaleOnboarding.UploadAsync(api, Tenant, ScaleOnboarding.Csv(people, Departments), PollEvery);
        var batchRetries = host.Logs.Count("A roster batch could not be written");
        var readBack = await ScaleOnboarding.ReadBackAsync(api, host.Services.GetRequiredService<IGrainFactory>(), Tenant, import.Status.ImportId);
        Check(import.Status.Created == people && import.Status.Rejected == 0 && import.RosterTotal == people,
            $"upload: created {import.Status.Created:N0}, rejected {import.Status.Rejected:N0}, roster {import.RosterTotal:N0}, expected {people:N0}");
        Check(baselineImport.Status.Created == BaselinePeople, "baseline upload created everyone");
        EndPhase("onboarding");

        // 10. Heap before anyone enrols, in the same process.
        var heapBefore = Heap();

        // 4. Enrolment and screening.
        await load.EnrolAsync(Baseline, BaselinePeople);
        await load.EnrolAsync(Tenant, enrolled);
        var enrolTook = phase.Elapsed;
        EndPhase("enrolment and screening");

        // 5. A week of sessions, one platform day at a time.
        for (var day = 0; day < 7; day++)
        {
            clock.Offset = -TimeSpan.FromDays(6 - day);
            await load.LogDayAsync(Baseline, BaselinePeople, day);
            await load.LogDayAsync(Tenant, enrolled, day);
        }

        var weekTook = phase.Elapsed;
        var planned = Enumerable.Range(0, enrolled).Sum(i => SessionPlan.For(i).Count) + Enumerable.Range(0, BaselinePeople).Sum(i => SessionPlan.For(i).Count);
        EndPhase("a week of sessions");

        // 6. Incidents, so the case-worker queue has pages.
        var incidents = Math.Min(300, enrolled);
        await load.ReportIncidentsAsync(Tenant, enrolled, incidents);
        await load.ReportIncidentsAsync(Baseline, BaselinePeople, BaselineIncidents);
        await Task.Delay(TimeSpan.FromSeconds(5)); // the shards' batched flush lands before the dashboard is read
        var loadDone = wakeups.Snapshot();
        var loadMinutes = total.Elapsed.TotalMinutes;
        EndPhase("incidents");

        // 7. The pages' reads, large tenant against the baseline.
        var reads = new ScaleReads(api);
        var deepPages = Math.Min(DeepPages, (people / PageSize) - 1);
        var (deepToken, walk) = deepPages > 0 ? await reads.DeepInvitationsTokenAsync(Tenant, PageSize, deepPages) : (null, TimeSpan.Zero);
        var rows = new List<(string Figure, ScaleReads.Latency Scale, ScaleReads.Latency Baseline)>();
        async Task MeasureAsync(string figure, string role, Func<string, string> path, string? scalePath = null)
        {
            var (s, b) = await reads.MeasureAsync(figure,
                new ScaleReads.Read(scalePath ?? path(Tenant), ScaleTokens.Staff(role, Tenant)),
                new ScaleReads.Read(path(Baseline), ScaleTokens.Staff(role, Baseline)), WarmUpReads, TimedReads);
            rows.Add((figure, s, b));
        }

        await MeasureAsync("HR dashboard, GET .../adherence?weeks=8 (hr)", Roles.Hr, t => $"/api/tenants/{t}/adherence?weeks=8");
        await MeasureAsync("case-worker queue, GET .../incidents?pageSize=50 (caseworker)", Roles.CaseWorker, t => $"/api/tenants/{t}/incidents?pageSize=50");
        await MeasureAsync("invitations, first page, GET .../invitations?pageSize=100 (tenant admin)", Roles.TenantAdmin, t => ScaleReads.InvitationsPath(t, PageSize, null));
        if (deepToken is not null)
        {
            await MeasureAsync($"invitations, page {deepPages + 1:N0} by continuation token (baseline: its only page)", Roles.TenantAdmin,
                t => ScaleReads.InvitationsPath(t, PageSize, null), ScaleReads.InvitationsPath(Tenant, PageSize, deepToken));
        }

        await MeasureAsync("audit log, GET .../audit?pageSize=50 (caseworker)", Roles.CaseWorker, t => $"/api/tenants/{t}/audit?pageSize=50");

        // The same roster pages read from the table alone (the platform's own queries, no grain or HTTP):
        // Azurite filters every row of the table and sorts every match of a query, so a query's cost
        // follows how many rows it matches; the buckets keep that near a page's.
        var roster = host.Services.GetRequiredService<RosterTable>();
        var (rawFirst, rawFirstBase) = await ScaleReads.MeasureStorageAsync(roster, (Tenant, null), (Baseline, null), PageSize, WarmUpReads, TimedReads);
        rows.Add(("storage alone (RosterTable.PageAsync, no grain or HTTP): the invitations first page's queries", rawFirst, rawFirstBase));
        if (deepToken is not null)
        {
            var (rawDeep, rawDeepBase) = await ScaleReads.MeasureStorageAsync(roster, (Tenant, deepToken), (Baseline, null), PageSize, WarmUpReads, TimedReads);
            rows.Add(($"storage alone (RosterTable.PageAsync, no grain or HTTP): the queries of invitations page {deepPages + 1:N0}", rawDeep, rawDeepBase));
        }

        EndPhase("reads");

        // 10. Heap per activated employee, after the load.
        var heapAfter = Heap();
        var statistics = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var activations = statistics.Where(s => s.GrainType.Contains("EmployeeGrain", StringComparison.Ordinal) || s.GrainType == GrainTypes.Employee).Sum(s => s.ActivationCount);

        // 9b. Timers: an idle minute after the load, nothing sent.
        var idleStart = wakeups.Snapshot();
        await Task.Delay(IdleWindow);
        var idle = WakeupCounter.Between(idleStart, wakeups.Snapshot());
        EndPhase("heap and idle minute");

        // 8 and 9a. Straight from storage.
        var tables = host.Services.GetRequiredService<TableServiceClient>();
        var scan = await StoredEntities.LargestAsync(tables, ScaleHost.ServiceId, 5);
        var reminders = await ReminderWakeups.ReadAsync(tables);
        EndPhase("storage scan");

        var enrolledOk = api.Ok("enrolment");
        var sessionsOk = api.Ok("session");
        var sessionsFailed = api.Failed("session");
        Check(api.Failed() == 0, $"failed requests: {api.FailureSummary()}");

        var (first, last) = (import.Progress.Rate(0, Math.Min(1000, people)), import.Progress.Rate(Math.Max(0, people - 1000), people));
        var tenth = Math.Max(1000, people / 10);
        Row($"bulk onboarding: invitations/s over the last 1,000 of {people:N0} (one CSV upload, progress polled every {PollEvery.TotalMilliseconds:N0} ms)",
            $"{last:N0}/s", $"first 1,000: {first:N0}/s", $"{last / first:0.00}×", "within 1.5× of each other");
        Row($"bulk onboarding: the whole upload ({import.Progress.Count:N0} progress samples)",
            $"{import.Status.Created:N0} created, {import.Status.Rejected:N0} rejected, roster holds {import.RosterTotal:N0}; {import.Elapsed.TotalSeconds:N1} s, {people / import.Elapsed.TotalSeconds:N0}/s",
            $"first / last {tenth:N0}: {import.Progress.Rate(0, tenth):N0}/s / {import.Progress.Rate(people - tenth, people):N0}/s; the {BaselinePeople} of the demo tenant: {baselineImport.Elapsed.TotalSeconds:N2} s",
            $"{import.Progress.Rate(people - tenth, people) / import.Progress.Rate(0, tenth):0.00}×", $"{people:N0} created, 0 rejected");
        Row("the upload's status read again after its activation is collected (GET .../imports/{id}, as an admin opening the page later)",
            $"{readBack.Phase.ToString().ToLowerInvariant()}, {readBack.Processed:N0} processed, {readBack.Created:N0} created", $"before: {import.Status.Phase.ToString().ToLowerInvariant()}, {import.Status.Processed:N0} processed",
            "–", $"completed, {people:N0} processed");
        Check(readBack.Phase == ImportPhase.Completed && readBack.Processed == people, $"the stored upload status reads {readBack.Phase}, {readBack.Processed:N0} processed");
        Row("profile: roster transactions that failed and were retried by the upload (its warning log)", $"{batchRetries:N0} of ~{(people + 98) / 99:N0} transactions", "–", "–", "for the profile");
        Row($"enrolment + screening over HTTP, {enrolled:N0} people (+{BaselinePeople} demo), {Concurrency} at a time, own token each",
            $"{enrolledOk:N0} enrolled, {api.Ok("screening"):N0} screened, {api.Failed("enrolment") + api.Failed("screening"):N0} failed ({api.Retried("enrolment") + api.Retried("screening"):N0} answers of 503 retried); {(enrolled + BaselinePeople) / enrolTook.TotalSeconds:N0} people/s ({enrolTook.TotalSeconds:N0} s)",
            "–", "–", "0 failed");
        Row("a week of sessions over HTTP (3–4 days each, 1 in 7 logged a day late with a back-dated `day`, pain before/after on 1 in 3; the platform clock steps a day at a time)",
            $"{sessionsOk:N0} acknowledged, {sessionsFailed:N0} failed ({api.Retried("session"):N0} answers of 503 retried); {(sessionsOk + sessionsFailed) / weekTook.TotalSeconds:N0} sessions/s ({weekTook.TotalSeconds:N0} s)",
            $"{planned:N0} planned", $"{(double)sessionsOk / planned:P1}", "0 failed");
        Row("incident reports over HTTP", $"{api.Ok("incident"):N0} filed ({incidents} + {BaselineIncidents} demo), {api.Failed("incident"):N0} failed ({api.Retried("incident"):N0} answers of 503 retried)", "–", "–", "0 failed");
        foreach (var (figure, s, b) in rows)
        {
            Row($"{figure}: {people:N0} people, {TimedReads} reads after {WarmUpReads} discarded",
                $"p50 {s.P50:0.00} ms, p99 {s.P99:0.00} ms", $"demo tenant ({BaselinePeople} people): p50 {b.P50:0.00} ms, p99 {b.P99:0.00} ms",
                $"p50 {s.P50 / b.P50:0.00}×, p99 {s.P99 / b.P99:0.00}×", figure.StartsWith("storage alone", StringComparison.Ordinal) ? "for the profile" : "p99 within the demo tenant's");
        }

        if (deepToken is not null)
        {
            Row($"profile: walking {deepPages:N0} invitation pages by continuation token", $"{walk.TotalSeconds:N1} s, {walk.TotalMilliseconds / deepPages:0.0} ms a page", "–", "–", "for the profile");
        }

        for (var i = 0; i < scan.Largest.Count; i++)
        {
            var e = scan.Largest[i];
            Row($"stored entity #{i + 1} by size: {e.Table}, {e.Kind}" + (i == 0 ? $" (all {scan.Entities:N0} entities of {scan.Tables} tables scanned)" : string.Empty),
                $"{e.Bytes:N0} bytes ({e.Bytes / 1024.0:N1} KiB)", "Azure Table's limit: 1 MiB", $"{e.Bytes / (512.0 * 1024):P1} of 512 KiB", "< 512 KiB");
        }

        var people100k = 100_000.0 / enrolledOk;
        Row($"reminder wake-ups per day per 100,000 people (Σ 86,400 s / period over {reminders.Reminders:N0} reminders: {string.Join(", ", reminders.ByName.Select(kv => $"{kv.Value:N0} {kv.Key}"))}; scaled by 100,000 / {enrolledOk:N0} enrolled)",
            $"{reminders.PerDay * people100k:N0} per day ({reminders.PerDay:N0} for this run's {enrolledOk:N0} enrolled)",
            "old design, an hourly reminder per person: 2,400,000", $"{reminders.PerDay * people100k / 2_400_000:P2}", "proportional to real work");
        // Reminder kinds are counted from the reminder table above; one that happens to fire in the idle minute is not a rate.
        var idleTimers = idle.Where(kv => !ReminderKinds.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var idleReminders = idle.Where(kv => ReminderKinds.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        Row("timer wake-ups per day: an idle minute after the load × 1,440 (wellness.wakeups, timer kinds flush, retry, import)",
            $"{idleTimers.Values.Sum() * 1440:N0} per day ({Kinds(idleTimers, 1440)}; reminders that fired in that minute, not extrapolated: {Kinds(idleReminders, 1)})",
            $"whole load ({loadMinutes:N1} min), all kinds: {Kinds(loadDone, 1)}", "–", "for information");
        Row("heap per activated employee: (heap after the load − heap before enrolment) / employee activations, forced full GCs",
            $"{(heapAfter - heapBefore) / 1024.0 / activations:N2} KB ({activations:N0} employee activations)",
            $"heap before enrolment {heapBefore / 1048576.0:N0} MB, after the load {heapAfter / 1048576.0:N0} MB", "–", "for information (memory mode: ≤ 10 KB)");
        var logged = host.Logs.Counts;
        Row("warnings and errors the host logged during the run", logged.Count == 0 ? "none" : string.Join("; ", logged.Select(kv => $"{kv.Value:N0} × {kv.Key}")), "–", "–", "for information");
        Row("total time of the scale run (per phase: wall time, then CPU seconds of this process / of Azurite)", $"{total.Elapsed.TotalMinutes:N1} min",
            string.Join("; ", phases.Select(p => $"{p.Name} {p.Took.TotalSeconds:N0} s ({p.SelfCpu:N0} / {p.AzuriteCpu:N0})")), "–", "well under 25 min");
    }

    private static string Kinds(IReadOnlyDictionary<string, long> counts, int times) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value * times:N0}"));

    private static void Row(string figure, string value, string baseline, string ratio, string target) =>
        Console.WriteLine($"| {figure} | {value} | {baseline} | {ratio} | {target} |");

    private static void Require(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Set-up failed: {what}.");
        }
    }

    /// <summary>A failed check is printed and fails the process, but the run goes on so every figure is printed.</summary>
    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            Console.Error.WriteLine($"CHECK FAILED: {what}");
            Environment.ExitCode = 1;
        }
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
