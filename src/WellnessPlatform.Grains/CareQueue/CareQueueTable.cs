using System.Globalization;
using Azure;
using Azure.Data.Tables;
using WellnessPlatform.Contracts.CareQueue;
using WellnessPlatform.Domain.CareQueue;
using WellnessPlatform.Grains.Storage;

namespace WellnessPlatform.Grains.CareQueue;

/// <summary>
/// The case workers' work queue as Azure Table rows: partition = tenant, one row per person or case per
/// kind, keyed "{kind}|{subject}" so each kind is one row-key range read a page at a time. Beside them
/// one row (<see cref="CountsRowKey"/>) holds the number of entries of each kind; it changes in the same
/// entity-group transaction as the entry, conditional on both rows' ETags, so the counts never drift and a
/// repeated write counts once (the pattern of the incident queue's table).
/// </summary>
public sealed class CareQueueTable(WellnessTables tables)
{
    /// <summary>Sorts after every entry ('~' is above the letters that start the kinds), so scans stop before it.</summary>
    public const string CountsRowKey = "~counts";

    private const char KindSeparator = '|';

    // Concurrent writers of one tenant meet on the counts row; each attempt re-reads both rows.
    private const int Attempts = 8;

    // A page the service leaves short is topped up by at most this many requests.
    private const int RequestsPerPage = 10;

    private static readonly string[] Columns = ["Kind", "EmployeeId", "IncidentId", "Day"];

    public static string RowKeyOf(CareQueueKind kind, string subject) => $"{kind}{KindSeparator}{subject}";

    /// <summary>Lists or updates an entry; true only for the write that added it (a repeat, or an update in place, is false).</summary>
    internal Task<bool> SetAsync(string tenantId, CareQueueItem item, CancellationToken cancellationToken = default) =>
        ChangeAsync(tenantId, RowKeyOf(item.Kind, item.Subject), item.Kind, ToEntity(tenantId, item), cancellationToken);

    internal Task RemoveAsync(string tenantId, CareQueueKind kind, string subject, CancellationToken cancellationToken = default) =>
        ChangeAsync(tenantId, RowKeyOf(kind, subject), kind, null, cancellationToken);

    internal async Task<CareQueuePage> PageAsync(string tenantId, CareQueueQuery query, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(WellnessTables.CareQueue, cancellationToken);
        var size = Math.Clamp(query.PageSize, 1, CareQueueQuery.MaxPageSize);
        var from = $"{query.Kind}{KindSeparator}";
        var to = $"{query.Kind}{(char)(KindSeparator + 1)}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {from} and RowKey lt {to}");
        var (items, token) = await TablePages.ReadAsync(table, filter, Columns, size, query.ContinuationToken, RequestsPerPage, ToItem, cancellationToken);
        return new CareQueuePage(items, token);
    }

    internal async Task<IReadOnlyDictionary<CareQueueKind, int>> CountsAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(WellnessTables.CareQueue, cancellationToken);
        var counts = Value(await table.GetEntityIfExistsAsync<TableEntity>(tenantId, CountsRowKey, cancellationToken: cancellationToken));
        return Enum.GetValues<CareQueueKind>().ToDictionary(k => k, k => CountOf(counts, k));
    }

    /// <summary>
    /// Puts <paramref name="row"/> in place of the entry (or deletes it when null), moving the count in the
    /// same transaction when it appears or goes; true when this call's transaction added the entry.
    /// </summary>
    private async Task<bool> ChangeAsync(string tenantId, string rowKey, CareQueueKind kind, TableEntity? row, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(WellnessTables.CareQueue, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var entryRead = table.GetEntityIfExistsAsync<TableEntity>(tenantId, rowKey, Columns, cancellationToken);
            var countsRead = table.GetEntityIfExistsAsync<TableEntity>(tenantId, CountsRowKey, cancellationToken: cancellationToken);
            var existing = Value(await entryRead);
            var counts = Value(await countsRead);
            if (existing is null && row is null)
            {
                return false;
            }

            if (existing is not null && row is not null && ToItem(existing) == ToItem(row))
            {
                return false;
            }

            List<TableTransactionAction> actions = [row is null
                ? new(TableTransactionActionType.Delete, new TableEntity(tenantId, rowKey), existing!.ETag)
                : existing is null
                    ? new(TableTransactionActionType.Add, row)
                    : new(TableTransactionActionType.UpdateReplace, row, existing.ETag)];
            var moved = existing is null ? 1 : row is null ? -1 : 0;
            if (moved != 0)
            {
                var next = new TableEntity(tenantId, CountsRowKey);
                foreach (var k in Enum.GetValues<CareQueueKind>())
                {
                    next[k.ToString()] = CountOf(counts, k) + (k == kind ? moved : 0);
                }

                actions.Add(counts is null
                    ? new(TableTransactionActionType.Add, next)
                    : new(TableTransactionActionType.UpdateReplace, next, counts.ETag));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return moved == 1;
            }
            catch (TableTransactionFailedException ex) when (attempt < Attempts && ex.Status is 404 or 409 or 412)
            {
                // Another writer moved the counts (or this entry) since our read: read again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
        }
    }

    private static int CountOf(TableEntity? counts, CareQueueKind kind) => counts?.GetInt32(kind.ToString()) ?? 0;

    private static TableEntity? Value(NullableResponse<TableEntity> response) => response.HasValue ? response.Value : null;

    private static TableEntity ToEntity(string tenantId, CareQueueItem item) => new(tenantId, RowKeyOf(item.Kind, item.Subject))
    {
        ["Kind"] = item.Kind.ToString(),
        ["EmployeeId"] = item.EmployeeId,
        ["IncidentId"] = item.IncidentId,
        ["Day"] = item.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static CareQueueItem ToItem(TableEntity row) => new(
        Enum.TryParse<CareQueueKind>(row.GetString("Kind"), out var kind) ? kind : CareQueueKind.AwaitingClearance,
        row.GetString("EmployeeId") ?? string.Empty,
        row.GetString("IncidentId"),
        DateOnly.TryParseExact(row.GetString("Day"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null);
}
