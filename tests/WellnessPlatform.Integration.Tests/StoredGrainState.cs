using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using WellnessPlatform.Contracts;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Grains;
using WellnessPlatform.Grains.Aggregation;
using WellnessPlatform.Grains.Employees;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// Grain state read straight from the Azure table Orleans keeps it in and decoded with the serializer the
/// host configures (see SiloHostingExtensions): what storage holds, not what a grain, stale or not, says.
/// </summary>
internal sealed class StoredGrainState(string connectionString, string serviceId)
{
    // Orleans' Azure Table grain storage: one entity per grain and state name in this table, the
    // payload split over the binary properties Data, Data1 ... Data14.
    public const string Table = "OrleansGrainState";
    private const int MaxChunks = 15;

    public static readonly OrleansGrainStorageSerializer Serializer =
        new(new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    private readonly TableClient _table = new TableServiceClient(connectionString).GetTableClient(Table);

    /// <summary>An employee's stored state and the entity's ETag, or null if nothing is stored.</summary>
    public async Task<(EmployeeState State, string ETag)?> EmployeeAsync(string tenantId, string employeeId) =>
        await ReadAsync<EmployeeState>(GrainId.Create(GrainTypes.Employee, GrainKeys.Employee(tenantId, employeeId)), StorageNames.EmployeeState);

    /// <summary>The tenant's counters as its shards last stored them, summed over the shards.</summary>
    public async Task<Dictionary<CellKey, long>> CountersAsync(string tenantId, int shards)
    {
        var total = new Dictionary<CellKey, long>();
        for (var i = 0; i < shards; i++)
        {
            if (await ReadAsync<ShardState>(GrainId.Create(GrainTypes.Shard, GrainKeys.Shard(tenantId, i)), StorageNames.ShardState) is not { } shard)
            {
                continue;
            }

            var counters = new Dictionary<CellKey, long>();
            CounterRow.Unpack(shard.State.Rows, counters);
            foreach (var (key, value) in counters.Concat(shard.State.Counters))
            {
                total[key] = total.GetValueOrDefault(key) + value;
            }
        }

        return total;
    }

    // The provider's partition key is "{serviceId}_{grainId}" with the characters Azure Table keys
    // refuse made '_'; the row key is the state name.
    private static string Sanitize(string key) => key.Replace('/', '_').Replace('\\', '_').Replace('#', '_').Replace('?', '_');

    private async Task<(T State, string ETag)?> ReadAsync<T>(GrainId grain, string stateName)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Sanitize($"{serviceId}_{grain}"), Sanitize(stateName));
        if (!row.HasValue || row.Value is not { } entity)
        {
            return null;
        }

        return (Serializer.Deserialize<T>(new BinaryData(Payload(entity)))!, entity.ETag.ToString());
    }

    /// <summary>The serialized state an entity holds, its chunks joined in order.</summary>
    public static byte[] Payload(TableEntity entity) =>
        [.. Enumerable.Range(0, MaxChunks)
            .Select(i => entity.GetBinary(i == 0 ? "Data" : $"Data{i}"))
            .TakeWhile(chunk => chunk is not null)
            .SelectMany(chunk => chunk!)];
}
