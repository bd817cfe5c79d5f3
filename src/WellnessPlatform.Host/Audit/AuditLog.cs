using System.Globalization;
using System.Security.Claims;
using Azure.Data.Tables;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Audit;

/// <summary>
/// The append-only audit log, written straight to Azure Table storage: one partition per tenant, row
/// keys that sort newest first. The code only ever inserts (an existing row key is a conflict, never an
/// overwrite), and the API offers reading only. Two changes to existing rows are made: a change's row
/// is written before the change with its outcome pending and then settled (<see cref="SettleAsync"/>),
/// and erasure replaces a person's id, where a row names them, with their erasure reference.
/// </summary>
public sealed class AuditLog(TableServiceClient tables, AuditSettings settings, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    private readonly AuditTable _table = new(tables, settings);

    public Task AppendAsync(string tenantId, ClaimsPrincipal caller, string action, string subject, string? detail = null) =>
        AppendAsync(tenantId, new AuditEntry(clock.GetUtcNow(), caller.Subject(), caller.MainRole(), action, subject, detail));

    /// <summary>
    /// Logs a change before it is made, its outcome pending: if this fails the change is not attempted,
    /// so nothing happens unaudited. Returns the row to settle once the outcome is known.
    /// </summary>
    public async Task<string> BeginAsync(string tenantId, ClaimsPrincipal caller, string action, string subject, string? detail)
    {
        var entry = new AuditEntry(clock.GetUtcNow(), caller.Subject(), caller.MainRole(), action, subject, detail, AuditOutcome.Pending);
        return await AppendAsync(tenantId, entry);
    }

    /// <summary>Records how a logged change ended; a row left pending means its outcome is unknown.</summary>
    public async Task SettleAsync(string tenantId, string rowKey, string outcome)
    {
        var table = await _table.GetAsync();
        await table.UpdateEntityAsync(new TableEntity(tenantId, rowKey) { ["Outcome"] = outcome }, Azure.ETag.All, TableUpdateMode.Merge);
    }

    public async Task<string> AppendAsync(string tenantId, AuditEntry entry)
    {
        var table = await _table.GetAsync();
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks:D19}-{Guid.NewGuid():N}");
        await table.AddEntityAsync(new TableEntity(tenantId, rowKey)
        {
            ["At"] = entry.At,
            ["Actor"] = entry.Actor,
            ["Role"] = entry.Role,
            ["Action"] = entry.Action,
            ["Subject"] = entry.Subject,
            ["Detail"] = entry.Detail,
            ["Outcome"] = entry.Outcome,
        });
        return rowKey;
    }

    /// <summary>The newest entries about one record (an incident or a person), for the case page.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(string tenantId, string subject, int max = 50)
    {
        var table = await _table.GetAsync();
        var entries = new List<AuditEntry>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == tenantId && e.GetString("Subject") == subject))
        {
            entries.Add(ToEntry(e));
            if (entries.Count >= max)
            {
                break;
            }
        }

        return entries;
    }

    /// <summary>Every entry that names a person, as subject or as actor, newest first (their data export).</summary>
    public async Task<IReadOnlyList<AuditEntry>> AboutPersonAsync(string tenantId, string personId)
    {
        var entries = new List<AuditEntry>();
        await foreach (var e in QueryPersonAsync(tenantId, personId))
        {
            entries.Add(ToEntry(e));
        }

        return entries;
    }

    /// <summary>
    /// Erasure: the entries stay (what was done, when, by which role) but the person's id, as subject,
    /// actor or within the detail, becomes <paramref name="reference"/>. Returns how many rows changed.
    /// </summary>
    public async Task<int> PseudonymizeAsync(string tenantId, string personId, string reference)
    {
        var table = await _table.GetAsync();
        var rows = new List<TableEntity>();
        await foreach (var e in QueryPersonAsync(tenantId, personId))
        {
            rows.Add(e); // read all first: changing rows under a paged query could skip some
        }

        foreach (var e in rows)
        {
            var update = new TableEntity(e.PartitionKey, e.RowKey);
            foreach (var name in new[] { "Actor", "Subject", "Detail" })
            {
                if (e.GetString(name) is { } value && value.Contains(personId, StringComparison.Ordinal))
                {
                    update[name] = value == personId ? reference : value.Replace(personId, reference, StringComparison.Ordinal);
                }
            }

            // Merge with the row's ETag: only the named columns change, and a concurrent change fails loudly.
            await table.UpdateEntityAsync(update, e.ETag, TableUpdateMode.Merge);
        }

        return rows.Count;
    }

    public async Task<AuditPage> PageAsync(string tenantId, int pageSize, string? continuationToken)
    {
        var table = await _table.GetAsync();
        var pages = table.QueryAsync<TableEntity>(e => e.PartitionKey == tenantId, maxPerPage: Math.Clamp(pageSize, 1, MaxPageSize))
            .AsPages(continuationToken);
        await foreach (var page in pages)
        {
            return new AuditPage([.. page.Values.Select(ToEntry)], page.ContinuationToken);
        }

        return new AuditPage([], null);
    }

    private async IAsyncEnumerable<TableEntity> QueryPersonAsync(string tenantId, string personId)
    {
        var table = await _table.GetAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and (Subject eq {personId} or Actor eq {personId})");
        await foreach (var e in table.QueryAsync<TableEntity>(filter))
        {
            yield return e;
        }
    }

    private static AuditEntry ToEntry(TableEntity e) => new(
        e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        e.GetString("Actor") ?? string.Empty,
        e.GetString("Role") ?? string.Empty,
        e.GetString("Action") ?? string.Empty,
        e.GetString("Subject") ?? string.Empty,
        e.GetString("Detail"),
        e.GetString("Outcome"));
}
