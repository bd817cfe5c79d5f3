using System.Net;
using System.Text.Json.Nodes;

namespace WellnessPlatform.Integration.Tests;

/// <summary>An incident from the employee's report to a closed case, with clearance, restrictions, consent and the audit trail they leave.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IncidentWorkflowTests(AzuriteFixture fixture)
{
    private const string T = "wf";

    private static object WorkflowReport(string clientReportId) => Api.IncidentReport(clientReportId, "clinician", privacyCase: true);

    [Fact]
    public async Task A_reported_incident_moves_through_the_workflow_and_every_read_and_change_is_audited()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(T, "warehouse");
        var (alice, path) = await platform.ReadyEmployeeAsync(T, "alice", "warehouse", pain: 8); // severe pain: on hold
        var cw = platform.CaseWorker(T);

        // The employee reports; a retry files nothing new.
        var report = WorkflowReport("r-1");
        var receipt = await alice.SendOkAsync(HttpMethod.Post, $"{path}/incidents", report);
        var again = await alice.SendOkAsync(HttpMethod.Post, $"{path}/incidents", report);
        var id = (string)receipt["case"]!["incidentId"]!;
        Assert.Equal(id, (string)again["case"]!["incidentId"]!);
        Assert.Equal("https://example.com/report", (string)receipt["links"]!["incidentReporting"]!);
        Assert.Equal("reported", (string)receipt["case"]!["status"]!);

        // HR sees a count, never the case.
        var dashboard = await platform.Hr(T).SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/adherence");
        Assert.Equal(1, (int)dashboard["incidentCounts"]!["reported"]!);
        Assert.Equal("https://example.com/comp", (string)dashboard["links"]!["workersCompensation"]!);
        Assert.DoesNotContain("Loading bay", dashboard.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Hr(T).SendForAsync(HttpMethod.Get, $"/api/tenants/{T}/incidents/{id}")).Status);

        // The case worker's queue, with filters.
        var queue = await cw.SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/incidents?status=reported&maxAgeDays=7");
        Assert.Equal(id, (string)Assert.Single(queue["items"]!.AsArray())!["incidentId"]!);
        Assert.Null(queue["continuationToken"]);
        Assert.Empty((await cw.SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/incidents?status=closed"))["items"]!.AsArray());

        var @case = await cw.SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/incidents/{id}");
        Assert.Equal("Lower back", (string)@case["report"]!["bodyPart"]!);
        Assert.Equal(["triaged"], @case["allowedNext"]!.AsArray().Select(s => (string)s!));
        var reportedAt = (DateTimeOffset)@case["reportedAt"]!;
        Assert.Equal(reportedAt.AddDays(7), (DateTimeOffset)@case["form301DueBy"]!);

        // Illegal steps are refused and change nothing.
        var (skip, problem) = await cw.SendForAsync(HttpMethod.Post, $"/api/tenants/{T}/incidents/{id}/transitions", new { to = "closed" });
        Assert.Equal(HttpStatusCode.Conflict, skip);
        Assert.Equal("transition_not_allowed", (string)problem!["code"]!);

        foreach (var step in new[] { "triaged", "inTreatment", "restrictedDuty", "returnToWork", "closed" })
        {
            await cw.SendOkAsync(HttpMethod.Post, $"/api/tenants/{T}/incidents/{id}/transitions", new { to = step, note = $"moved to {step}" });
        }

        @case = await cw.SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/incidents/{id}");
        var timeline = @case["timeline"]!.AsArray();
        Assert.Equal(["reported", "triaged", "inTreatment", "restrictedDuty", "returnToWork", "closed"], timeline.Select(t => (string)t!["status"]!));
        Assert.All(timeline.Skip(1), t => Assert.Equal("cw", (string)t!["actor"]!));
        Assert.Equal("alice", (string)timeline[0]!["actor"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await cw.SendForAsync(HttpMethod.Post, $"/api/tenants/{T}/incidents/{id}/transitions", new { to = "triaged" })).Status);

        var audit = await AllAuditAsync(cw);
        var actions = audit.Select(e => (string)e!["action"]!).ToList();
        Assert.Equal(2, actions.Count(a => a == "incident.reported")); // both calls are audited; the case exists once
        // Every change is logged before it is made, then settled: five made, two refused (logged as attempts).
        var transitions = audit.Where(e => (string)e!["action"]! == "incident.transition").Select(e => (string)e!["outcome"]!).ToList();
        Assert.Equal(5, transitions.Count(o => o == "done"));
        Assert.Equal(2, transitions.Count(o => o == "refused: transition_not_allowed"));
        Assert.Equal(7, transitions.Count);
        Assert.Contains("incident.queue.read", actions);
        Assert.True(actions.Count(a => a == "incident.read") >= 2);
        Assert.All(audit.Where(e => (string)e!["action"]! == "incident.transition"), e => Assert.Equal("cw", (string)e!["actor"]!));
    }

    [Fact]
    public async Task Clearance_lifts_a_screening_hold_and_restrictions_shape_the_routine_at_once()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(T, "warehouse");
        var (alice, path) = await platform.ReadyEmployeeAsync(T, "alice", "warehouse", pain: 8);
        var cw = platform.CaseWorker(T);

        var today = await alice.SendOkAsync(HttpMethod.Get, $"{path}/routine/today");
        Assert.Equal("onHold", (string)today["routine"]!["state"]!);
        Assert.Contains("severe pain", (string)today["routine"]!["message"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await alice.SendForAsync(HttpMethod.Post, $"{path}/sessions", new { clientSessionId = "s", exercises = Api.Routine })).Status);

        await cw.SendOkAsync(HttpMethod.Put, $"/api/tenants/{T}/employees/alice/clearance", new { note = "Seen by GP, fit for gentle exercise" });
        await cw.SendOkAsync(HttpMethod.Put, $"/api/tenants/{T}/employees/alice/restrictions", new { exerciseIds = new[] { "wall-sit" } });

        today = await alice.SendOkAsync(HttpMethod.Get, $"{path}/routine/today");
        Assert.Equal("ready", (string)today["routine"]!["state"]!);
        Assert.Equal(["partial-crunch", "hamstring-stretch"], today["routine"]!["exercises"]!.AsArray().Select(e => (string)e!["id"]!));
        Assert.Equal("wall-sit", (string)today["routine"]!["restricted"]![0]!["id"]!);
        var (refused, problem) = await alice.SendForAsync(HttpMethod.Post, $"{path}/sessions", new { clientSessionId = "s", exercises = Api.Routine });
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("restricted", (string)problem!["codes"]!["exercises[1].exerciseId"]![0]!);
        await alice.SendOkAsync(HttpMethod.Post, $"{path}/sessions", new { clientSessionId = "s", exercises = new[] { new { exerciseId = "partial-crunch", reps = 10, holdSeconds = 1 } } });

        var actions = (await AllAuditAsync(cw)).Select(e => (string)e!["action"]!).ToList();
        Assert.Contains("clearance.recorded", actions);
        Assert.Contains("restrictions.set", actions);
    }

    [Fact]
    public async Task A_case_worker_sees_the_pain_trend_only_while_the_employee_consents()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(T, "warehouse");
        var (alice, path) = await platform.ReadyEmployeeAsync(T, "alice", "warehouse");
        await alice.SendOkAsync(HttpMethod.Post, $"{path}/pain-checkins", new { clientCheckInId = "p1", pain = 4 });
        var cw = platform.CaseWorker(T);
        var url = $"/api/tenants/{T}/employees/alice/pain-trend";

        var (before, problem) = await cw.SendForAsync(HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.Forbidden, before);
        Assert.Equal("no_consent", (string)problem!["code"]!);

        await alice.SendOkAsync(HttpMethod.Put, $"{path}/consent", new { granted = true });
        var trend = await cw.SendOkAsync(HttpMethod.Get, url);
        Assert.Equal(4, (int)trend["checkIns"]![0]!["pain"]!);
        Assert.Equal(3, (int)trend["baselinePain"]!);

        await alice.SendOkAsync(HttpMethod.Put, $"{path}/consent", new { granted = false });
        Assert.Equal(HttpStatusCode.Forbidden, (await cw.SendForAsync(HttpMethod.Get, url)).Status);

        var audit = await AllAuditAsync(platform.Admin(T));
        var actions = audit.Select(e => (string)e!["action"]!).ToList();
        Assert.Equal(["consent.revoked", "pain-trend.read", "consent.granted"], actions.Where(a => a.StartsWith("consent", StringComparison.Ordinal) || a == "pain-trend.read"));
        Assert.Equal("alice", (string)audit.First(e => (string)e!["action"]! == "consent.granted")!["actor"]!);
    }

    [Fact]
    public async Task The_audit_log_pages_newest_first_and_cannot_be_changed_through_the_api()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(T, "warehouse");
        var (alice, path) = await platform.ReadyEmployeeAsync(T, "alice", "warehouse");
        for (var i = 0; i < 3; i++)
        {
            await alice.SendOkAsync(HttpMethod.Put, $"{path}/consent", new { granted = i % 2 == 0 });
        }

        var admin = platform.Admin(T);
        var first = await admin.SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/audit?pageSize=2");
        Assert.Equal(2, first["entries"]!.AsArray().Count);
        Assert.Equal("consent.granted", (string)first["entries"]![0]!["action"]!); // the third change, newest first
        var token = Uri.EscapeDataString((string)first["continuationToken"]!);
        var second = await admin.SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/audit?pageSize=2&continuationToken={token}");
        Assert.Equal("consent.granted", (string)second["entries"]![0]!["action"]!);
        Assert.Null(second["continuationToken"]);

        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Post, HttpMethod.Delete, HttpMethod.Patch })
        {
            var (status, _) = await admin.SendForAsync(method, $"/api/tenants/{T}/audit", new { action = "forged" });
            Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Hr(T).SendForAsync(HttpMethod.Get, $"/api/tenants/{T}/audit")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Admin("other").SendForAsync(HttpMethod.Get, $"/api/tenants/{T}/audit")).Status);
    }

    private static async Task<List<JsonNode?>> AllAuditAsync(HttpClient reader)
    {
        var entries = new List<JsonNode?>();
        string? token = null;
        do
        {
            var url = $"/api/tenants/{T}/audit?pageSize=100" + (token is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(token)}");
            var page = await reader.SendOkAsync(HttpMethod.Get, url);
            entries.AddRange(page["entries"]!.AsArray());
            token = (string?)page["continuationToken"];
        }
        while (token is not null);

        return entries;
    }
}
