using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using WellnessPlatform.Contracts;

namespace WellnessPlatform.Integration.Tests.Upgrade;

/// <summary>
/// Records Upgrade/v1 from the code as it is (WELLNESS_RECORD_UPGRADE=1): the demo tenant seeded as the
/// run command seeds it, then what its users do through the API, so every stored state kind is written:
/// an upload, a new starter, a pause, rest days, a report moved along, a clearance, restrictions and an
/// erasure. It stops the host and Azurite cleanly, so the saved database holds every acknowledged write.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UpgradeSnapshotRecorder
{
    private static readonly string[] GoldenEmployees = ["emp-001", "emp-002", "emp-003", "emp-004", "emp-007", "emp-010", "emp-new"];

    [RecordFact]
    public async Task Record_version_1()
    {
        var folder = UpgradeSnapshot.SourceFolder;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(UpgradeSnapshot.StatesFolder(folder));
        string importId;
        await using (var azurite = new AzuriteProcess())
        {
            await azurite.StartAsync();
            await using (var platform = UpgradeSnapshot.Platform(azurite, seedDemo: true))
            {
                await WaitForDemoAsync(platform);
                importId = await ActAsync(platform);
            }

            await foreach (var (grain, state, payload) in UpgradeSnapshot.StoredStatesAsync(azurite))
            {
                // Every state but the employees', whose 40 demo histories are alike: those the users above changed.
                if (state == StorageNames.EmployeeState && !GoldenEmployees.Any(id => grain.EndsWith("_" + id, StringComparison.Ordinal)))
                {
                    continue;
                }

                var states = Directory.CreateDirectory(Path.Combine(UpgradeSnapshot.StatesFolder(folder), state)).FullName;
                await File.WriteAllBytesAsync(Path.Combine(states, grain + ".bin"), payload);
                await File.WriteAllTextAsync(Path.Combine(states, grain + ".json"), StateRendering.Render(UpgradeSnapshot.Decode(state, payload)));
            }

            await azurite.StopAsync();
            await using var source = File.OpenRead(azurite.DatabasePath);
            await using var archive = new GZipStream(File.Create(UpgradeSnapshot.DatabaseArchive(folder)), CompressionLevel.SmallestSize);
            await source.CopyToAsync(archive);
        }

        // The answers are read as UpgradeReadTests reads them, from a copy of the saved database: the
        // case workers' reads are audited, so reading before saving would change what was saved.
        await using var copy = await UpgradeSnapshot.StartAzuriteAsync(folder);
        await using var reader = UpgradeSnapshot.Platform(copy);
        var answers = await UpgradeSnapshot.ReadAllAsync(reader, importId);
        await File.WriteAllTextAsync(UpgradeSnapshot.ApiFile(folder), answers.ToJsonString(UpgradeSnapshot.Indented));
    }

    private static async Task WaitForDemoAsync(PlatformFactory platform)
    {
        var caseWorker = platform.CaseWorker(UpgradeSnapshot.Tenant);
        for (var i = 0; i < 600; i++)
        {
            var (status, queue) = await caseWorker.SendForAsync(HttpMethod.Get, $"/api/tenants/{UpgradeSnapshot.Tenant}/incidents?pageSize=50");
            if (status == HttpStatusCode.OK && queue!["items"]!.AsArray().Count == 2)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The demo tenant was not seeded within a minute.");
    }

    /// <summary>What users do after seeding; returns the upload's id.</summary>
    private static async Task<string> ActAsync(PlatformFactory platform)
    {
        var t = $"/api/tenants/{UpgradeSnapshot.Tenant}";
        var admin = platform.Admin(UpgradeSnapshot.Tenant);
        var caseWorker = platform.CaseWorker(UpgradeSnapshot.Tenant);

        using var csv = new StringContent("employeeId,department\nnew-101,office\nnew-102,warehouse\nnew-103,nowhere\nemp-040,office\n", Encoding.UTF8);
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var upload = await admin.PostAsync($"{t}/invitations/imports", csv);
        var importId = (string)JsonNode.Parse(await upload.Content.ReadAsStringAsync())!["importId"]!;
        for (var i = 0; i < 600 && (string)(await admin.SendOkAsync(HttpMethod.Get, $"{t}/invitations/imports/{importId}"))["phase"]! == "running"; i++)
        {
            await Task.Delay(100);
        }

        var starter = platform.Employee(UpgradeSnapshot.Tenant, "emp-new");
        var path = $"{t}/employees/emp-new";
        await starter.SendOkAsync(HttpMethod.Post, $"{path}/enrolment", new { timeZone = "Europe/Berlin", restDays = new[] { "sunday" } });
        await starter.SendOkAsync(HttpMethod.Post, $"{path}/screening", new { painIntensity = 5, workRelated = true, recentInjury = false, redFlags = Array.Empty<string>() });
        await starter.SendOkAsync(HttpMethod.Post, $"{path}/pain-checkins", new { clientCheckInId = "v1-pain-1", pain = 5, context = "daily" });
        await starter.SendOkAsync(HttpMethod.Post, $"{path}/sessions", new { clientSessionId = "v1-session-1", exercises = Api.Routine, painBefore = 5, painAfter = 4 });
        await starter.SendOkAsync(HttpMethod.Put, $"{path}/consent", new { granted = true });

        var paused = platform.Employee(UpgradeSnapshot.Tenant, "emp-002");
        await paused.SendOkAsync(HttpMethod.Post, $"{t}/employees/emp-002/pause", new { until = "2026-12-14" });
        await platform.Employee(UpgradeSnapshot.Tenant, "emp-003").SendOkAsync(HttpMethod.Put, $"{t}/employees/emp-003/rest-days", new { days = new[] { "saturday", "sunday" } });

        var reporter = platform.Employee(UpgradeSnapshot.Tenant, "emp-004");
        var receipt = await reporter.SendOkAsync(HttpMethod.Post, $"{t}/employees/emp-004/incidents", Api.IncidentReport("v1-report-1", "clinician"));
        var incident = (string)receipt["case"]!["incidentId"]!;
        await caseWorker.SendOkAsync(HttpMethod.Post, $"{t}/incidents/{incident}/transitions", new { to = "triaged", note = "Called the employee" });

        await caseWorker.SendOkAsync(HttpMethod.Put, $"{t}/employees/emp-007/clearance", new { note = "Seen in clinic" });
        await caseWorker.SendOkAsync(HttpMethod.Put, $"{t}/employees/emp-001/restrictions", new { exerciseIds = new[] { "wall-sit" } });
        await admin.SendOkAsync(HttpMethod.Delete, $"{t}/employees/emp-010?confirm=erase-my-data");
        return importId;
    }
}
