using System.Net;
using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// The care track over HTTP: a case worker moves a person with an open work-related case to the
/// clinician-directed track and back; bad input is a problem naming the field and changes nothing; the
/// person reads their track; HR's figures neither show it nor count the treatment.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TherapeuticTrackApiTests(AzuriteFixture fixture)
{
    private const string T = "track";

    [Fact]
    public async Task A_case_worker_moves_a_person_with_a_case_to_treatment_which_hr_never_sees_and_bad_input_changes_nothing()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(T, "warehouse");
        var (alice, path) = await platform.ReadyEmployeeAsync(T, "alice", "warehouse");
        var (_, bobPath) = await platform.ReadyEmployeeAsync(T, "bob", "warehouse");
        var cw = platform.CaseWorker(T);
        var receipt = await alice.SendOkAsync(HttpMethod.Post, $"{path}/incidents", Api.IncidentReport("r-1", "clinician"));
        var incident = (string)receipt["case"]!["incidentId"]!;
        await alice.LogSessionAsync(path, "s-wellness");
        Assert.Equal("wellness", (string)(await alice.SendOkAsync(HttpMethod.Get, path))["track"]!["current"]!);

        // Missing fields: 400 naming each; nothing changes.
        var (missing, problem) = await cw.SendForAsync(HttpMethod.Put, $"{path}/track", new { track = "therapeutic", incidentId = incident });
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.NotNull(problem!["errors"]!["directedBy"]);
        var (unknown, unknownProblem) = await cw.SendForAsync(HttpMethod.Put, $"{path}/track", new { track = "rehab" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.NotNull(unknownProblem!["errors"]!["track"]);

        // Someone else's case, or none: 409, nothing changes.
        var (noCase, noCaseProblem) = await cw.SendForAsync(HttpMethod.Put, $"{bobPath}/track", new { track = "therapeutic", incidentId = incident, directedBy = "Dr. Rivera" });
        Assert.Equal(HttpStatusCode.Conflict, noCase);
        Assert.Equal("no_work_related_case", (string)noCaseProblem!["code"]!);
        Assert.Equal("wellness", (string)(await cw.SendOkAsync(HttpMethod.Put, $"{bobPath}/restrictions", new { exerciseIds = Array.Empty<string>() }))["track"]!["current"]!);
        Assert.Equal("wellness", (string)(await alice.SendOkAsync(HttpMethod.Get, path))["track"]!["current"]!);

        // The move, recorded with who directed it and the acting case worker.
        var moved = await cw.SendOkAsync(HttpMethod.Put, $"{path}/track", new { track = "therapeutic", incidentId = incident, directedBy = "Dr. Rivera, occupational physician" });
        var period = moved["track"]!["periods"]![0]!;
        Assert.Equal(("therapeutic", "Dr. Rivera, occupational physician", "cw", incident), ((string)moved["track"]!["current"]!, (string)period["directedBy"]!, (string)period["movedBy"]!, (string)period["incidentId"]!));
        await alice.LogSessionAsync(path, "s-treatment");
        var own = await alice.SendOkAsync(HttpMethod.Get, path);
        Assert.Equal(("therapeutic", 1), ((string)own["track"]!["current"]!, (int)own["track"]!["periods"]![0]!["treatmentSessions"]!));

        // HR: no track anywhere, and this week's treatment counted nowhere (the wellness session of the week went with it).
        var dashboard = (await platform.Hr(T).SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/adherence")).ToJsonString();
        Assert.DoesNotContain("therapeutic", dashboard, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Rivera", dashboard, StringComparison.Ordinal);
        var totals = await platform.ShardTotalsAsync(T);
        Assert.Equal(0, totals.Where(kv => kv.Key.Metric == Metric.Sessions).Sum(kv => kv.Value));

        // Back to wellness; a second time is a conflict.
        Assert.Equal("wellness", (string)(await cw.SendOkAsync(HttpMethod.Put, $"{path}/track", new { track = "wellness" }))["track"]!["current"]!);
        var (again, againProblem) = await cw.SendForAsync(HttpMethod.Put, $"{path}/track", new { track = "wellness" });
        Assert.Equal((HttpStatusCode.Conflict, "not_therapeutic"), (again, (string)againProblem!["code"]!));

        var audit = (await cw.SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/audit?pageSize=100"))["entries"]!.AsArray().Select(e => (string)e!["action"]!).ToList();
        Assert.Contains("track.therapeutic", audit);
        Assert.Contains("track.wellness", audit);
    }
}
