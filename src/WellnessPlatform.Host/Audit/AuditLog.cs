using System.Globalization;
using System.Security.Claims;
using Azure.Data.Tables;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Audit;

/// <summary>
/// The append-only audit log, written straight to Azure Table storage: one partition per tenant, row
/// keys that sort newest first. The code only ever inserts (an existing row key is a conflict, never an
/// overwrite), and the API offers reading only.
/// </summary>
public sealed class AuditLog(TableServiceClient tables, AuditSettings settings, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    private readonly Lazy<Task<TableClient>> _table = new(async () =>
    {
        var table = tables.GetTableClient(settings.TableName);
        await table.CreateIfNotExistsAsync();
        return table;
    });

    public Task AppendAsync(string tenantId, ClaimsPrincipal caller, string action, string subject, string? detail = null) =>
        AppendAsync(tenantId, new AuditEntry(clock.GetUtcNow(), caller.Subject(), caller.MainRole(), action, subject, detail));

    public async Task AppendAsync(string tenantId, AuditEntry entry)
    {
        var table = await _table.Value;
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks:D19}-{Guid.NewGuid():N}");
        await table.AddEntityAsync(new TableEntity(tenantId, rowKey)
        {
            ["At"] = entry.At,
            ["Actor"] = entry.Actor,
            ["Role"] = entry.Role,
            ["Action"] = entry.Action,
            ["Subject"] = entry.Subject,
            ["Detail"] = entry.Detail,
        });
    }

    /// <summary>The newest entries about one record (an incident or a person), for the case page.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(string tenantId, string subject, int max = 50)
    {
        var table = await _table.Value;
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

    public async Task<AuditPage> PageAsync(string tenantId, int pageSize, string? continuationToken)
    {
        var table = await _table.Value;
        var pages = table.QueryAsync<TableEntity>(e => e.PartitionKey == tenantId, maxPerPage: Math.Clamp(pageSize, 1, MaxPageSize))
            .AsPages(continuationToken);
        await foreach (var page in pages)
        {
            return new AuditPage([.. page.Values.Select(ToEntry)], page.ContinuationToken);
        }

        return new AuditPage([], null);
    }

    private static AuditEntry ToEntry(TableEntity e) => new(
        e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        e.GetString("Actor") ?? string.Empty,
        e.GetString("Role") ?? string.Empty,
        e.GetString("Action") ?? string.Empty,
        e.GetString("Subject") ?? string.Empty,
        e.GetString("Detail"));
}
