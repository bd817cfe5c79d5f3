using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace WellnessPlatform.Grains.Audit;

/// <summary>
/// The audit table, created on first use, and the row shape every audit entry is stored in. Both the
/// gateway (its audit log) and the erasure process (which disconnects a person's entries) write through
/// here. A failed creation is forgotten, not cached (as in <see cref="Storage.WellnessTables"/>): one
/// storage outage at the first audited call must not break every audited route until the process restarts.
/// </summary>
public sealed class AuditTable(TableServiceClient tables, AuditSettings settings)
{
    private Lazy<Task<TableClient>>? _ready;

    /// <summary>Row keys sort newest first; <paramref name="unique"/> tells apart entries of the same tick.</summary>
    public static string RowKey(DateTimeOffset at, string unique) =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}-{unique}");

    public async Task<TableClient> GetAsync()
    {
        var ready = Volatile.Read(ref _ready);
        if (ready is null)
        {
            var created = new Lazy<Task<TableClient>>(CreateAsync);
            ready = Interlocked.CompareExchange(ref _ready, created, null) ?? created;
        }

        try
        {
            return await ready.Value;
        }
        catch
        {
            // Only the attempt that failed is dropped: a newer one started meanwhile stays.
            Interlocked.CompareExchange(ref _ready, null, ready);
            throw;
        }
    }

    /// <summary>Inserts an entry (never overwrites: an existing row key fails with 409) and returns its row key.</summary>
    public async Task<string> InsertAsync(string tenantId, AuditEntry entry, string? rowKey = null)
    {
        var table = await GetAsync();
        rowKey ??= RowKey(entry.At, Guid.NewGuid().ToString("N"));
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

    /// <summary>Every row that names a person, as subject or as actor, newest first.</summary>
    public async IAsyncEnumerable<TableEntity> QueryPersonAsync(string tenantId, string personId)
    {
        var table = await GetAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and (Subject eq {personId} or Actor eq {personId})");
        await foreach (var e in table.QueryAsync<TableEntity>(filter))
        {
            yield return e;
        }
    }

    /// <summary>
    /// Erasure: the entries stay (what was done, when, by which role) but the person's id, as subject,
    /// actor or within the detail, becomes <paramref name="reference"/>. Returns how many rows changed;
    /// a repeat finds none left to change.
    /// </summary>
    public async Task<int> PseudonymizeAsync(string tenantId, string personId, string reference)
    {
        var table = await GetAsync();
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

    public static AuditEntry ToEntry(TableEntity e) => new(
        e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        e.GetString("Actor") ?? string.Empty,
        e.GetString("Role") ?? string.Empty,
        e.GetString("Action") ?? string.Empty,
        e.GetString("Subject") ?? string.Empty,
        e.GetString("Detail"),
        e.GetString("Outcome"));

    /// <summary>True when an insert failed only because the row is there already.</summary>
    public static bool IsAlreadyThere(RequestFailedException ex) => ex.Status == 409;

    private async Task<TableClient> CreateAsync()
    {
        var table = tables.GetTableClient(settings.TableName);
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
