using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Grains.Rights;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// The employee's rights over HTTP → grains → Azurite: the export holds everything the API accepted,
/// and after erasure no table in Azurite holds the person's id or contributor token.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RightsTests(AzuriteFixture fixture)
{
    private const string T = "rights";
    private const string Dept = "office";

    private static object Report(string clientReportId) => new
    {
        clientReportId,
        occurredAt = DateTimeOffset.UtcNow.AddHours(-4),
        location = "Mail room",
        activity = "Carrying parcels",
        whatHappened = "Twisted while lifting a crate",
        injury = "Lower back strain",
        bodyPart = "Lower back",
        treatment = "firstAid",
        privacyCase = false,
    };

    [Fact]
    public async Task The_export_round_trips_every_session_check_in_consent_screening_answer_and_incident_the_api_accepted()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(T, Dept);
        await platform.CreateTenantAsync("elsewhere", Dept);
        var (ann, path) = await platform.ReadyEmployeeAsync(T, "ann", Dept, pain: 4);
        var accepted = await SeedHistoryAsync(platform, ann, path);
        await ann.SendOkAsync(HttpMethod.Put, $"{path}/notifications", new
        {
            dailyReminder = true, email = "ann@example.com", reminderTime = "07:30", timeZone = "Europe/Berlin",
            quietHours = new { start = "22:00", minutes = 540 }, careNotices = true, streakNudge = true,
        });
        var feed = new Uri((string)(await ann.SendOkAsync(HttpMethod.Put, $"{path}/calendar-feed"))["url"]!);

        using var response = await ann.GetAsync($"{path}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentDisposition);
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonSerializer.Deserialize<EmployeeDataExport>(text, Json(platform))!;

        // The email choices and that a feed exists, as the person set them; neither secret.
        var notifications = JsonNode.Parse(text)!["employee"]!["notifications"]!.AsObject();
        Assert.Equal(
            ["dailyReminder", "email", "reminderTime", "quietHours", "careNotices", "timeZone", "streakNudge"],
            notifications.Select(p => p.Key));
        Assert.True((bool)notifications["dailyReminder"]!);
        Assert.Equal("ann@example.com", (string?)notifications["email"]);
        Assert.Equal("07:30", (string?)notifications["reminderTime"]);
        Assert.Equal(("22:00", 540), ((string?)notifications["quietHours"]!["start"], (int)notifications["quietHours"]!["minutes"]!));
        Assert.Equal("Europe/Berlin", (string?)notifications["timeZone"]);
        Assert.True((bool)notifications["careNotices"]!);
        Assert.True((bool)notifications["streakNudge"]!);
        Assert.True((bool)JsonNode.Parse(text)!["employee"]!["calendarFeed"]!);
        Assert.DoesNotContain(System.Web.HttpUtility.ParseQueryString(feed.Query)["token"]!, text, StringComparison.Ordinal);
        Assert.Contains("employee.notifications", export.Notes.Keys);

        Assert.Equal(EmployeeDataExport.CurrentSchemaVersion, export.SchemaVersion);
        Assert.True(export.GeneratedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(("rights", "ann"), (export.TenantId, export.EmployeeId));
        var employee = export.Employee!;
        Assert.Equal("Etc/UTC", employee.TimeZone);
        Assert.Equal(Dept, Assert.Single(employee.Departments).Department);
        Assert.Equal(Dept, export.Invitation!.Department);
        Assert.Equal(4, employee.Screening!.PainIntensity);
        Assert.False(employee.Screening.WorkRelated);
        Assert.False(employee.ScreeningOutcome!.Held);
        Assert.True(employee.CaseWorkerConsent);
        Assert.Equal(["wall-sit"], employee.RestrictedExercises);
        Assert.NotEqual(Guid.Empty, employee.ContributorToken);
        Assert.Equal(accepted.Sessions.Select(s => s.Id).Order(), employee.Sessions.Select(s => s.ClientSessionId).Order());
        foreach (var s in accepted.Sessions)
        {
            Assert.Equal(s.PainBefore, employee.CheckIns.Single(c => c.ClientCheckInId == $"{s.Id}:before").Pain);
            Assert.Equal(s.PainAfter, employee.CheckIns.Single(c => c.ClientCheckInId == $"{s.Id}:after").Pain);
            Assert.Equal(["partial-crunch"], employee.Sessions.Single(r => r.ClientSessionId == s.Id).Exercises.Select(e => e.ExerciseId));
        }

        Assert.Equal(accepted.CheckIns, employee.CheckIns.Where(c => c.Context == PainContext.Daily).Select(c => (c.ClientCheckInId, c.Pain)).Order());
        var incident = Assert.Single(export.Incidents);
        Assert.Equal(accepted.IncidentId, incident.IncidentId);
        Assert.Equal("Mail room", incident.Report.Location);
        Assert.Equal("ann", incident.EmployeeId);
        var actions = export.Audit.Select(a => a.Action).ToList();
        Assert.Contains("consent.granted", actions);
        Assert.Contains("incident.reported", actions);
        Assert.Contains("restrictions.set", actions);
        Assert.Contains("employee.contributorToken", export.Notes.Keys);

        // The download variant is the same document, offered as a file.
        using var download = await ann.GetAsync($"{path}/export?download=true");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".json", download.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        Assert.Equal("no-store", download.Headers.CacheControl?.ToString());

        // Nobody else gets it: another employee, HR, a case worker, the tenant admin, another tenant.
        var url = $"{path}/export";
        foreach (var other in new[] { platform.Employee(T, "bob"), platform.Hr(T), platform.CaseWorker(T), platform.Admin(T), platform.Employee("elsewhere", "ann") })
        {
            var (status, body) = await other.SendForAsync(HttpMethod.Get, url);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.DoesNotContain("Mail room", body?.ToJsonString() ?? string.Empty, StringComparison.Ordinal);
        }

        // The same person id in another tenant holds nothing there.
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Employee("elsewhere", "ann").SendForAsync(HttpMethod.Get, "/api/tenants/elsewhere/employees/ann/export")).Status);

        var audit = await platform.CaseWorker(T).SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/audit?pageSize=200");
        Assert.Contains(audit["entries"]!.AsArray(), e => (string)e!["action"]! == "employee.exported" && (string)e["subject"]! == "ann");
    }

    [Fact]
    public async Task Erasure_leaves_no_trace_of_the_id_or_token_in_any_table_but_keeps_the_incident_case_and_anonymous_counters()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(T, Dept);
        var id = "erase-me-" + Guid.NewGuid().ToString("N")[..12];
        var (person, path) = await platform.ReadyEmployeeAsync(T, id, Dept, pain: 4);
        var (colleague, colleaguePath) = await platform.ReadyEmployeeAsync(T, "stays-" + Guid.NewGuid().ToString("N")[..8], Dept);
        await colleague.LogSessionAsync(colleaguePath, "c-1");
        var accepted = await SeedHistoryAsync(platform, person, path);
        var cw = platform.CaseWorker(T);
        await cw.SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/employees/{id}/pain-trend");
        await cw.SendOkAsync(HttpMethod.Post, $"/api/tenants/{T}/incidents/{accepted.IncidentId}/transitions", new { to = "triaged", note = "Seen on the phone" });

        var export = (await (await person.GetAsync($"{path}/export")).Content.ReadFromJsonAsync<EmployeeDataExport>(Json(platform)))!;
        var token = export.Employee!.ContributorToken;
        var idNeedle = new TableScanner.Needle(id);
        var tokenNeedle = TableScanner.ForGuid(token);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var before = await WaitForCountersAsync(platform, today, Metric.Sessions, 1 + accepted.Sessions.Count);

        // The scanner can fail: before erasure it finds the id in keys, binary state and audit strings.
        var hitsBefore = await TableScanner.FindAsync(fixture.Azurite.ConnectionString, idNeedle);
        var tablesBefore = hitsBefore.Select(h => h[..h.IndexOf(' ', StringComparison.Ordinal)]).Distinct().ToList();
        Assert.Contains("OrleansGrainState", tablesBefore);
        Assert.Contains("OrleansReminders", tablesBefore);
        Assert.Contains(tablesBefore, t => t.StartsWith("Audit", StringComparison.Ordinal));
        Assert.Contains(hitsBefore, h => h.StartsWith("OrleansGrainState", StringComparison.Ordinal) && !h.EndsWith("| PartitionKey", StringComparison.Ordinal));
        Assert.NotEmpty(await TableScanner.FindAsync(fixture.Azurite.ConnectionString, tokenNeedle));

        // A confirmation is required, and HR or a colleague cannot erase anyone.
        var (unconfirmed, problem) = await person.SendForAsync(HttpMethod.Delete, path);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed);
        Assert.NotNull(problem!["errors"]!["confirm"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Hr(T).SendForAsync(HttpMethod.Delete, $"{path}?confirm=erase-my-data")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.SendForAsync(HttpMethod.Delete, $"{path}?confirm=erase-my-data")).Status);

        var receipt = await person.SendOkAsync(HttpMethod.Delete, $"{path}?confirm=erase-my-data");
        var reference = (string)receipt["erasureReference"]!;
        Assert.StartsWith("erased-", reference, StringComparison.Ordinal);
        Assert.DoesNotContain(id, receipt.ToJsonString(), StringComparison.Ordinal);

        // Nothing in any table names the person or their token any more.
        var hitsAfter = await TableScanner.FindAsync(fixture.Azurite.ConnectionString, idNeedle);
        Assert.True(hitsAfter.Count == 0, "The erased id is still stored:\n" + string.Join("\n", hitsAfter));
        var tokenAfter = await TableScanner.FindAsync(fixture.Azurite.ConnectionString, tokenNeedle);
        Assert.True(tokenAfter.Count == 0, "The erased contributor token is still stored:\n" + string.Join("\n", tokenAfter));

        // The person is gone for the API; a second erasure finds nothing.
        var (status, notEnrolled) = await person.SendForAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("not_enrolled", (string)notEnrolled!["code"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await person.SendForAsync(HttpMethod.Delete, $"{path}?confirm=erase-my-data")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await person.SendForAsync(HttpMethod.Get, $"{path}/export")).Status);

        // The case is kept for the case workers, disconnected from the account.
        var kept = await cw.SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/incidents/{accepted.IncidentId}");
        Assert.Equal(reference, (string)kept["employeeId"]!);
        Assert.Equal(reference, (string)kept["timeline"]![0]!["actor"]!);
        Assert.Equal("cw", (string)kept["timeline"]![1]!["actor"]!);
        Assert.Equal("Mail room", (string)kept["report"]!["location"]!);
        var queue = (await cw.SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/incidents"))["items"]!.AsArray();
        Assert.Equal(reference, (string)Assert.Single(queue)!["employeeId"]!);

        // The counters keep the tenant's totals; the person now counts as having left this week.
        var after = await platform.WeekCountersAsync(T, today);
        foreach (var metric in new[] { Metric.Active, Metric.Sessions, Metric.PainChangeCount, Metric.Joined })
        {
            Assert.Equal(before(Dept, metric), after(Dept, metric));
        }

        Assert.Equal(before(Dept, Metric.Left) + 1, after(Dept, Metric.Left));

        // The colleague is untouched; the audit log names only the reference.
        await colleague.SendOkAsync(HttpMethod.Get, colleaguePath);
        var audit = (await platform.Admin(T).SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/audit?pageSize=200"))["entries"]!.AsArray();
        var erased = Assert.Single(audit, e => (string)e!["action"]! == "employee.erased")!;
        Assert.Equal(reference, (string)erased["subject"]!);
        Assert.Contains(audit, e => (string)e!["action"]! == "restrictions.set" && (string)e["subject"]! == reference);
    }

    [Fact]
    public async Task A_tenant_admin_can_erase_a_person_on_request()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(T, Dept);
        var (person, path) = await platform.ReadyEmployeeAsync(T, "leaver", Dept);
        await person.LogSessionAsync(path, "s-1");

        var receipt = await platform.Admin(T).SendOkAsync(HttpMethod.Delete, $"{path}?confirm=erase-my-data");
        Assert.Contains(receipt["removed"]!.AsArray(), r => ((string)r!).StartsWith("invitation", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await person.SendForAsync(HttpMethod.Get, path)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Admin("other").SendForAsync(HttpMethod.Delete, $"{path}?confirm=erase-my-data")).Status);
        var invitations = (await platform.Admin(T).SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/invitations"))["items"]!.AsArray();
        Assert.DoesNotContain(invitations, i => (string)i!["employeeId"]! == "leaver");
    }

    private sealed record AcceptedSession(string Id, int PainBefore, int PainAfter);

    private sealed record Accepted(List<AcceptedSession> Sessions, List<(string, int)> CheckIns, string IncidentId);

    /// <summary>Sessions with pain, daily check-ins, consent, a case worker's restriction and an incident, as the API accepted them.</summary>
    private static async Task<Accepted> SeedHistoryAsync(PlatformFactory platform, HttpClient http, string path)
    {
        var sessions = new List<AcceptedSession> { new("s-1", 4, 3), new("s-2", 5, 2) };
        foreach (var s in sessions)
        {
            await http.SendOkAsync(HttpMethod.Post, $"{path}/sessions", new
            {
                clientSessionId = s.Id,
                exercises = new[] { new { exerciseId = "partial-crunch", reps = 10, holdSeconds = 1 } },
                painBefore = s.PainBefore,
                painAfter = s.PainAfter,
            });
        }

        var checkIns = new List<(string, int)> { ("p-1", 3), ("p-2", 6) };
        foreach (var (clientCheckInId, pain) in checkIns)
        {
            await http.SendOkAsync(HttpMethod.Post, $"{path}/pain-checkins", new { clientCheckInId, pain, context = "daily" });
        }

        await http.SendOkAsync(HttpMethod.Put, $"{path}/consent", new { granted = true });
        var employeeId = path[(path.LastIndexOf('/') + 1)..];
        await platform.CaseWorker(T).SendOkAsync(HttpMethod.Put, $"/api/tenants/{T}/employees/{employeeId}/restrictions", new { exerciseIds = new[] { "wall-sit" } });
        var receipt = await http.SendOkAsync(HttpMethod.Post, $"{path}/incidents", Report("r-1"));
        return new Accepted(sessions, [.. checkIns.Order()], (string)receipt["case"]!["incidentId"]!);
    }

    private static JsonSerializerOptions Json(PlatformFactory platform) =>
        platform.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    /// <summary>Shards confirm on their flush timer; waits until the live counters show the sessions logged.</summary>
    private static async Task<Func<string, Metric, long>> WaitForCountersAsync(PlatformFactory platform, string day, Metric metric, long expected)
    {
        for (var attempt = 0; ; attempt++)
        {
            var counters = await platform.WeekCountersAsync(T, day);
            if (counters(Dept, metric) >= expected || attempt > 50)
            {
                Assert.Equal(expected, counters(Dept, metric));
                return counters;
            }

            await Task.Delay(200);
        }
    }
}
