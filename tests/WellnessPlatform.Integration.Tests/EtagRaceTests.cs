using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// Two clusters on one service id share the same stored state, so each runs its own activation of one
/// employee: two writers of one entity, as after a partition. The writer holding a stale ETag must be
/// refused (Orleans' InconsistentStateException), answer 503 with nothing recorded (docs/architecture.md,
/// "Conflicting writers"), drop its copy and re-read, and nothing either writer acknowledged may be lost.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EtagRaceTests(AzuriteFixture fixture, ITestOutputHelper output)
{
    private const string T = "race";

    // Even a write refused for its ETag is not said to be unrecorded: the storage client may have retried
    // a write that did land. The stored row's unchanged ETag below is what shows nothing was written.
    private const string RefusedTitle = "The service did not finish in time; this may or may not have been recorded. Retry with the same client id: a repeat is never counted twice.";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_writer_with_a_stale_etag_is_refused_answers_503_rereads_and_loses_nothing()
    {
        var service = AzuriteFixture.NewServiceId();
        var storage = new StoredGrainState(fixture.Azurite.ConnectionString, service);
        var answers = new List<TimeSpan>();
        async Task<(HttpStatusCode Status, string? Title)> LogAsync(HttpClient http, string path, string id)
        {
            var clock = Stopwatch.StartNew();
            var (status, body) = await http.SendForAsync(HttpMethod.Post, $"{path}/sessions", new { clientSessionId = id, exercises = Api.Routine });
            answers.Add(clock.Elapsed);
            return (status, (string?)body?["title"]);
        }

        await using var a = fixture.NewPlatform(service);
        await a.CreateTenantAsync(T, "office");
        var (viaA, path) = await a.ReadyEmployeeAsync(T, "e1", "office");
        Assert.Equal(HttpStatusCode.Created, (await LogAsync(viaA, path, "a-1")).Status);

        // A second cluster on the same storage activates its own copy, which reads the row and writes after A's.
        await using var b = fixture.NewPlatform(service, settings: new Dictionary<string, string> { ["WellnessPlatform:Cluster:ClusterId"] = service + "-b" });
        var viaB = b.Employee(T, "e1");
        Assert.Equal(HttpStatusCode.Created, (await LogAsync(viaB, path, "b-1")).Status);
        var afterB = (await storage.EmployeeAsync(T, "e1"))!.Value;
        Assert.Equal(["a-1", "b-1"], afterB.State.Sessions.Select(s => s.ClientSessionId));

        // A's copy still holds the ETag from before B's write: storage refuses it, and the row is B's.
        var (status, title) = await LogAsync(viaA, path, "a-2");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(RefusedTitle, title);
        Assert.Equal(afterB.ETag, (await storage.EmployeeAsync(T, "e1"))!.Value.ETag);

        // The retry with the same id reaches a new activation of A's, which has read B's write.
        Assert.Equal(HttpStatusCode.Created, (await LogAsync(viaA, path, "a-2")).Status);
        var seenByA = await viaA.SendOkAsync(HttpMethod.Get, $"{path}/sessions");
        Assert.Contains("b-1", seenByA.AsArray().Select(s => (string)s!["clientSessionId"]!));

        var stored = (await storage.EmployeeAsync(T, "e1"))!.Value.State.Sessions.Select(s => s.ClientSessionId).ToList();
        string[] acknowledged = ["a-1", "b-1", "a-2"];
        var figures = new FaultFigures("etag-race (two clusters, one employee)", acknowledged.Length, stored.Count,
            stored.Count - stored.Distinct().Count(), acknowledged.Except(stored).Count(), answers.Max());
        await figures.ReportAsync(output);

        // The tenant's counters come out exact once B's cluster is gone (its shards flush as they deactivate).
        await b.DisposeAsync();
        var report = await a.Admin(T).SendOkAsync(HttpMethod.Post, $"/api/tenants/{T}/reconciliation");
        output.WriteLine($"reconciliation: {report.ToJsonString()}");

        Assert.Equal(acknowledged.Length, figures.FoundInStorage);
        Assert.Equal(0, figures.Duplicates);
        Assert.Equal(0, figures.Missing);
        Assert.True(figures.SlowestAnswer <= Deadline, $"the slowest answer took {figures.SlowestAnswer.TotalSeconds:0.00} s");
        Assert.True((bool)report["exact"]!, "reconciliation did not find the tenant's counters exact");
    }
}
