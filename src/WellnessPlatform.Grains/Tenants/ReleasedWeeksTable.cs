using Azure.Data.Tables;
using Orleans.Serialization;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Grains.Storage;

namespace WellnessPlatform.Grains.Tenants;

/// <summary>
/// Weeks a tenant has released to HR, one row per week (partition = tenant, row = ISO week), each in
/// Orleans' binary format. A week is at most a few tens of KiB even with the largest department list,
/// whereas two years of them in the tenant's own state would outgrow an Azure Table entity.
/// </summary>
public sealed class ReleasedWeeksTable(WellnessTables tables, Serializer serializer)
{
    private const string Column = "Week";

    public async Task WriteAsync(string tenantId, IEnumerable<AdherenceWeek> weeks, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(WellnessTables.ReleasedWeeks, cancellationToken);
        foreach (var batch in weeks.Chunk(100))
        {
            // Upserts: writing a week again (a release retried after a failed state write) replaces a copy nobody was shown.
            await table.SubmitTransactionAsync(
                batch.Select(w => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                    new TableEntity(tenantId, w.Week) { [Column] = serializer.SerializeToArray(w) })),
                cancellationToken);
        }
    }

    /// <summary>The stored weeks from <paramref name="fromWeek"/> to <paramref name="toWeek"/> (ISO weeks, inclusive).</summary>
    public async Task<List<AdherenceWeek>> ReadAsync(string tenantId, string fromWeek, string toWeek, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(WellnessTables.ReleasedWeeks, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {fromWeek} and RowKey le {toWeek}");
        var weeks = new List<AdherenceWeek>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, 1000, [Column], cancellationToken))
        {
            if (row.GetBinary(Column) is { } bytes)
            {
                weeks.Add(serializer.Deserialize<AdherenceWeek>(bytes)!);
            }
        }

        return weeks;
    }
}
