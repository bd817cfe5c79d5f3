using System.Globalization;
using Azure;
using Azure.Data.Tables;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Grains.Storage;

namespace WellnessPlatform.Grains.Incidents;

/// <summary>
/// The incident queue as Azure Table rows: partition = tenant, one row per case keyed by inverted
/// reported-at ticks and the case id, so a partition scan reads newest first. Beside the cases, one
/// row (<see cref="CountsRowKey"/>) holds the number of cases in each status; it changes in the same
/// entity-group transaction as the case row, conditional on both rows' ETags, so the counts can never
/// drift from the rows and a repeated write counts once.
/// </summary>
public sealed class IncidentTable(WellnessTables tables)
{
    /// <summary>Sorts after every case row ('~' is above the digits that start them), so queue scans stop before it.</summary>
    public const string CountsRowKey = "~counts";

    // Concurrent writers of one tenant meet on the counts row; each attempt re-reads both rows.
    private const int Attempts = 8;

    // A filter that matches few rows can leave Azure's pages short; a page is topped up by at most this many requests.
    private const int RequestsPerPage = 10;

    private static readonly string[] Columns =
        ["IncidentId", "EmployeeId", "Status", "ReportedAt", "OccurredAt", "PrivacyCase", "Form301DueBy"];

    /// <summary>Newest first: ReportedAt never changes for a case, so neither does its row key.</summary>
    public static string RowKeyOf(DateTimeOffset reportedAt, string incidentId) =>
        string.Create(CultureInfo.InvariantCulture, $"{InvertedTicks(reportedAt):D19}-{incidentId}");

    internal async Task UpsertAsync(string tenantId, IncidentSummary summary, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(WellnessTables.Incidents, cancellationToken);
        var rowKey = RowKeyOf(summary.ReportedAt, summary.IncidentId);
        for (var attempt = 1; ; attempt++)
        {
            var caseRead = table.GetEntityIfExistsAsync<TableEntity>(tenantId, rowKey, Columns, cancellationToken);
            var countsRead = table.GetEntityIfExistsAsync<TableEntity>(tenantId, CountsRowKey, cancellationToken: cancellationToken);
            var existing = Value(await caseRead);
            var counts = Value(await countsRead);
            var before = existing is null ? null : ToSummary(existing);
            if (before == summary)
            {
                return;
            }

            var row = ToEntity(tenantId, summary);
            List<TableTransactionAction> actions = [existing is null
                ? new(TableTransactionActionType.Add, row)
                : new(TableTransactionActionType.UpdateReplace, row, existing.ETag)];
            if (before?.Status != summary.Status)
            {
                var next = CountsEntity(tenantId, counts, before?.Status, summary.Status);
                actions.Add(counts is null
                    ? new(TableTransactionActionType.Add, next)
                    : new(TableTransactionActionType.UpdateReplace, next, counts.ETag));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException ex) when (attempt < Attempts && ex.Status is 409 or 412)
            {
                // Another case of this tenant moved the counts (or this row) since our read: read again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
        }
    }

    internal async Task<IncidentQueuePage> PageAsync(string tenantId, IncidentQueueQuery query, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(WellnessTables.Incidents, cancellationToken);
        var size = Math.Clamp(query.PageSize, 1, IncidentQueueQuery.MaxPageSize);
        var filter = Filter(tenantId, query, now);
        var (items, token) = await TablePages.ReadAsync(table, filter, Columns, size, query.ContinuationToken, RequestsPerPage, ToSummary, cancellationToken);
        return new IncidentQueuePage(items, token);
    }

    internal async Task<IReadOnlyDictionary<IncidentStatus, int>> CountsAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(WellnessTables.Incidents, cancellationToken);
        var counts = Value(await table.GetEntityIfExistsAsync<TableEntity>(tenantId, CountsRowKey, cancellationToken: cancellationToken));
        return Enum.GetValues<IncidentStatus>().ToDictionary(s => s, s => CountOf(counts, s));
    }

    /// <summary>
    /// Always the tenant's partition and only case rows (below the counts row). The age filter is a row-key
    /// range, since the keys are inverted reported-at ticks; status and reporter are filtered by the service.
    /// </summary>
    private static string Filter(string tenantId, IncidentQueueQuery query, DateTimeOffset now)
    {
        var upper = query.MaxAgeDays is { } days
            ? (InvertedTicks(now.AddDays(-days)) + 1).ToString("D19", CultureInfo.InvariantCulture)
            : CountsRowKey;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey lt {upper}");
        if (query.Status is { } status)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {status.ToString()}");
        }

        if (query.EmployeeId is { } employeeId)
        {
            filter += " and " + TableClient.CreateQueryFilter($"EmployeeId eq {employeeId}");
        }

        return filter;
    }

    private static TableEntity CountsEntity(string tenantId, TableEntity? counts, IncidentStatus? from, IncidentStatus to)
    {
        var next = new TableEntity(tenantId, CountsRowKey);
        foreach (var status in Enum.GetValues<IncidentStatus>())
        {
            next[status.ToString()] = CountOf(counts, status) - (status == from ? 1 : 0) + (status == to ? 1 : 0);
        }

        return next;
    }

    private static int CountOf(TableEntity? counts, IncidentStatus status) => counts?.GetInt32(status.ToString()) ?? 0;

    private static long InvertedTicks(DateTimeOffset at) => DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks;

    private static TableEntity? Value(NullableResponse<TableEntity> response) => response.HasValue ? response.Value : null;

    private static TableEntity ToEntity(string tenantId, IncidentSummary s) => new(tenantId, RowKeyOf(s.ReportedAt, s.IncidentId))
    {
        ["IncidentId"] = s.IncidentId,
        ["EmployeeId"] = s.EmployeeId,
        ["Status"] = s.Status.ToString(),
        ["ReportedAt"] = s.ReportedAt,
        ["OccurredAt"] = s.OccurredAt,
        ["PrivacyCase"] = s.PrivacyCase,
        ["Form301DueBy"] = s.Form301DueBy,
    };

    private static IncidentSummary ToSummary(TableEntity row) => new(
        row.GetString("IncidentId") ?? string.Empty,
        row.GetString("EmployeeId") ?? string.Empty,
        Enum.TryParse<IncidentStatus>(row.GetString("Status"), out var status) ? status : IncidentStatus.Reported,
        row.GetDateTimeOffset("ReportedAt") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("OccurredAt") ?? DateTimeOffset.MinValue,
        row.GetBoolean("PrivacyCase") ?? false,
        row.GetDateTimeOffset("Form301DueBy") ?? DateTimeOffset.MinValue);
}
