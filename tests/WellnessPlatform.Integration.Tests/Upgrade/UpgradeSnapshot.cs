using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using WellnessPlatform.Contracts;
using WellnessPlatform.Grains.Aggregation;
using WellnessPlatform.Grains.Employees;
using WellnessPlatform.Grains.Incidents;
using WellnessPlatform.Grains.Roster;
using WellnessPlatform.Grains.Tenants;

namespace WellnessPlatform.Integration.Tests.Upgrade;

/// <summary>
/// A demo tenant as version 1 of the stored format wrote it (recorded by <see cref="UpgradeSnapshotRecorder"/>
/// from main before the employee redesign), kept as test data in Upgrade/v1:
/// - azurite-db.json.gz: Azurite's whole table service, every table the platform writes;
/// - states/{state}/{grain}.bin: one stored grain state's payload as the production serializer wrote it,
///   with {grain}.json, how that version rendered it once decoded;
/// - api.json: what each read below answered over HTTP right after recording.
/// </summary>
internal static class UpgradeSnapshot
{
    public const string ServiceId = "upgrade-v1";
    public const string Tenant = "demo";

    /// <summary>The platform's "now" when recorded; readers start their clock here.</summary>
    public static readonly DateTimeOffset RecordedAt = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static string SourceFolder => Path.Combine(AzuriteProcess.RepositoryRoot(), "tests", "WellnessPlatform.Integration.Tests", "Upgrade", "v1");

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Upgrade", "v1");

    public static string DatabaseArchive(string folder) => Path.Combine(folder, "azurite-db.json.gz");

    public static string ApiFile(string folder) => Path.Combine(folder, "api.json");

    public static string StatesFolder(string folder) => Path.Combine(folder, "states");

    /// <summary>An Azurite over a copy of the recorded table service.</summary>
    public static async Task<AzuriteProcess> StartAzuriteAsync(string folder)
    {
        var azurite = new AzuriteProcess();
        var database = Path.Combine(Path.GetTempPath(), $"upgrade-v1-{Guid.NewGuid():N}.json");
        try
        {
            await using (var archive = new GZipStream(File.OpenRead(DatabaseArchive(folder)), CompressionMode.Decompress))
            await using (var file = File.Create(database))
            {
                await archive.CopyToAsync(file);
            }

            azurite.SeedFrom(database);
        }
        finally
        {
            File.Delete(database);
        }

        await azurite.StartAsync();
        return azurite;
    }

    public static PlatformFactory Platform(AzuriteProcess azurite, bool seedDemo = false) =>
        new(azurite, ServiceId, settings: new Dictionary<string, string> { ["WellnessPlatform:Demo:Seed"] = seedDemo ? "true" : "false" },
            clock: new ShiftedClock(RecordedAt));

    /// <summary>
    /// Every read a user of the demo tenant makes, as "METHOD url as role/subject", answered as
    /// { status, body }. Incident cases and the upload are found through the queue and the audit.
    /// </summary>
    public static async Task<JsonObject> ReadAllAsync(PlatformFactory platform, string importId)
    {
        var answers = new JsonObject();
        var t = $"/api/tenants/{Tenant}";

        async Task<JsonNode?> Read(HttpClient http, string who, string url)
        {
            var (status, body) = await http.SendForAsync(HttpMethod.Get, url);
            (body as JsonObject)?.Remove("traceId"); // a problem's trace id is the request's own
            answers[$"GET {url} as {who}"] = new JsonObject { ["status"] = (int)status, ["body"] = body?.DeepClone() };
            return status == HttpStatusCode.OK ? body : null;
        }

        // The audit log first: the case workers' reads below are themselves audited.
        await Read(platform.CaseWorker(Tenant), "caseworker", $"{t}/audit?pageSize=100");
        await Read(platform.Admin(Tenant), "tenant-admin", t);
        await Read(platform.Hr(Tenant), "hr", $"{t}/adherence?weeks=8");
        await Read(platform.Admin(Tenant), "tenant-admin", $"{t}/invitations?pageSize=100");
        await Read(platform.Admin(Tenant), "tenant-admin", $"{t}/invitations/imports/{importId}");
        var queue = await Read(platform.CaseWorker(Tenant), "caseworker", $"{t}/incidents?pageSize=50");
        foreach (var item in queue?["items"]?.AsArray() ?? [])
        {
            await Read(platform.CaseWorker(Tenant), "caseworker", $"{t}/incidents/{(string)item!["incidentId"]!}");
        }

        await Read(platform.CaseWorker(Tenant), "caseworker", $"{t}/employees/emp-001/pain-trend");
        foreach (var employee in Employees)
        {
            var http = platform.Employee(Tenant, employee);
            var path = $"{t}/employees/{employee}";
            foreach (var read in new[] { string.Empty, "/progress", "/sessions", "/routine/today", "/incidents" })
            {
                await Read(http, employee, path + read);
            }
        }

        return answers;
    }

    /// <summary>The demo's 40 people, the one invited but not started, and the one the recording erases.</summary>
    public static IEnumerable<string> Employees => Enumerable.Range(1, 40).Select(n => $"emp-{n:D3}").Append("emp-new");

    /// <summary>Every grain state the service stored: its partition key (the grain), state name and payload.</summary>
    public static async IAsyncEnumerable<(string Grain, string State, byte[] Payload)> StoredStatesAsync(AzuriteProcess azurite)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(StoredGrainState.Table);
        var prefix = ServiceId + "_";
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {ServiceId + "`"}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter))
        {
            yield return (entity.PartitionKey[prefix.Length..], entity.RowKey, StoredGrainState.Payload(entity));
        }
    }

    /// <summary>A stored payload decoded as the production serializer decodes it, by its state name.</summary>
    public static object Decode(string state, byte[] payload)
    {
        var data = new BinaryData(payload);
        var serializer = StoredGrainState.Serializer;
        object? decoded = state switch
        {
            StorageNames.EmployeeState => serializer.Deserialize<EmployeeState>(data),
            StorageNames.TenantState => serializer.Deserialize<TenantState>(data),
            StorageNames.ShardState => serializer.Deserialize<ShardState>(data),
            StorageNames.ShardDepartedState => serializer.Deserialize<DepartedState>(data),
            StorageNames.IncidentState => serializer.Deserialize<IncidentState>(data),
            StorageNames.RosterImportState => serializer.Deserialize<RosterImportState>(data),
            _ => throw new InvalidOperationException($"No stored state is named '{state}'."),
        };
        return decoded ?? throw new InvalidOperationException($"A stored '{state}' decoded to nothing.");
    }

    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
