using Azure.Data.Tables;
using WellnessPlatform.Contracts;

namespace WellnessPlatform.Grains.Audit;

/// <summary>
/// The append-only audit log, written straight to Azure Table storage: one partition per tenant, row
/// keys that sort newest first. The code only ever inserts (an existing row key is a conflict, never an
/// overwrite), and the API offers reading only. Two changes to existing rows are made: a change's row
/// is written before the change with its outcome pending and then settled (<see cref="SettleAsync"/>),
/// and erasure (the erasure grain, through <see cref="AuditTable"/>) replaces a person's id, where a row
/// names them, with their erasure reference. An application service beside the grains: the gateway's
/// routes and pages, and case work and employee rights, write through it.
/// </summary>
public sealed class AuditLog(AuditTable table, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    public Task AppendAsync(string tenantId, Actor actor, string action, string subject, string? detail = null) =>
        AppendAsync(tenantId, new AuditEntry(clock.GetUtcNow(), actor.Subject, actor.Role, action, subject, detail));

    /// <summary>
    /// Logs a change before it is made, its outcome pending: if this fails the change is not attempted,
    /// so nothing happens unaudited. Returns the row to settle once the outcome is known.
    /// </summary>
    public async Task<string> BeginAsync(string tenantId, Actor actor, string action, string subject, string? detail)
    {
        var entry = new AuditEntry(clock.GetUtcNow(), actor.Subject, actor.Role, action, subject, detail, AuditOutcome.Pending);
        return await AppendAsync(tenantId, entry);
    }

    /// <summary>Records how a logged change ended; a row left pending means its outcome is unknown.</summary>
    public async Task SettleAsync(string tenantId, string rowKey, string outcome)
    {
        var rows = await table.GetAsync();
        await rows.UpdateEntityAsync(new TableEntity(tenantId, rowKey) { ["Outcome"] = outcome }, Azure.ETag.All, TableUpdateMode.Merge);
    }

    public Task<string> AppendAsync(string tenantId, AuditEntry entry) => table.InsertAsync(tenantId, entry);

    /// <summary>The newest entries about one record (an incident or a person), for the case page.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(string tenantId, string subject, int max = 50)
    {
        var rows = await table.GetAsync();
        var entries = new List<AuditEntry>();
        await foreach (var e in rows.QueryAsync<TableEntity>(e => e.PartitionKey == tenantId && e.GetString("Subject") == subject))
        {
            entries.Add(AuditTable.ToEntry(e));
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
        await foreach (var e in table.QueryPersonAsync(tenantId, personId))
        {
            entries.Add(AuditTable.ToEntry(e));
        }

        return entries;
    }

    public async Task<AuditPage> PageAsync(string tenantId, int pageSize, string? continuationToken)
    {
        var rows = await table.GetAsync();
        var pages = rows.QueryAsync<TableEntity>(e => e.PartitionKey == tenantId, maxPerPage: Math.Clamp(pageSize, 1, MaxPageSize))
            .AsPages(continuationToken);
        await foreach (var page in pages)
        {
            return new AuditPage([.. page.Values.Select(AuditTable.ToEntry)], page.ContinuationToken);
        }

        return new AuditPage([], null);
    }
}
