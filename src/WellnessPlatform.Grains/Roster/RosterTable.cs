using Azure;
using Azure.Data.Tables;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Grains.Storage;

namespace WellnessPlatform.Grains.Roster;

/// <summary>
/// The roster as Azure Table rows: partition = tenant, row = employee id, plus one row holding the
/// head count. A write of up to 99 people and the count is one entity-group transaction, so each
/// person's row lands whole or not at all, the count is exact, and rows that would not change are not
/// written (uploading the same file twice changes nothing).
/// </summary>
public sealed class RosterTable(WellnessTables tables)
{
    /// <summary>People per transaction: Azure Table's limit of 100 operations, less the count row.</summary>
    public const int MaxBatch = 99;

    /// <summary>The head-count row's key: '~' sorts after every id (ids are lowercase letters, digits and dashes).</summary>
    public const string CountRow = "~count";

    public const int MaxPageSize = InvitationPage.MaxPageSize;

    private const int Attempts = 3;

    // Under this many people, point reads are cheaper than a range scan between the first and last id.
    private const int PointReadLimit = 8;

    private static readonly string[] Columns = ["RowKey", "Department", "InvitedAt", "InvitedBy"];

    /// <summary>
    /// Writes invitations (distinct ids, at most <see cref="MaxBatch"/>) in one transaction; returns what
    /// happened to each, in the order given. Someone already in the department keeps their stored row.
    /// </summary>
    internal async Task<IReadOnlyList<RosterEntry>> ApplyAsync(
        string tenantId, IReadOnlyList<Invitation> people, int capacity, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(people.Count, MaxBatch);
        var table = await tables.GetAsync(WellnessTables.Roster, cancellationToken);
        if (people.Count > PointReadLimit && await TryAddAllAsync(table, tenantId, people, capacity, cancellationToken) is { } added)
        {
            return added;
        }

        for (var attempt = 1; ; attempt++)
        {
            var existing = await ReadAsync(table, tenantId, [.. people.Select(p => p.EmployeeId)], cancellationToken);
            var countRow = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, CountRow, cancellationToken: cancellationToken);
            var count = countRow.HasValue ? countRow.Value!.GetInt64("Count") ?? 0 : 0;
            var entries = new List<RosterEntry>(people.Count);
            var actions = new List<TableTransactionAction>();
            foreach (var invitation in people)
            {
                if (existing.TryGetValue(invitation.EmployeeId, out var row) && row.GetString("Department") == invitation.Department)
                {
                    entries.Add(new RosterEntry(ToInvitation(row), RosterChange.Unchanged));
                    continue;
                }

                var entity = ToEntity(tenantId, invitation);
                if (row is null && count >= capacity)
                {
                    entries.Add(new RosterEntry(invitation, RosterChange.Full));
                }
                else if (row is null)
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
                    entries.Add(new RosterEntry(invitation, RosterChange.Created));
                    count++;
                }
                else
                {
                    // Conditional on what was read: a concurrent writer makes the whole batch retry.
                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, row.ETag));
                    entries.Add(new RosterEntry(invitation, RosterChange.Moved));
                }
            }

            if (actions.Count == 0)
            {
                return entries;
            }

            if (entries.Any(e => e.Change == RosterChange.Created))
            {
                actions.Add(CountAction(tenantId, countRow, count));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return entries;
            }
            catch (TableTransactionFailedException ex) when (attempt < Attempts && ex.Status is 409 or 412)
            {
                // Someone else wrote one of these people between our read and write: read again.
            }
        }
    }

    /// <summary>
    /// A bulk upload's usual batch is all new people: try adding them all, with the count, in one
    /// transaction, without first asking which exist. A range query's cost can grow with the table (on
    /// Azurite it scans every row), so the common case skips it. Null when that is not so (someone is
    /// already there, the count moved, or the roster would overflow): the caller then reads and decides
    /// person by person. The transaction is all or nothing, so a failed try leaves nothing behind.
    /// </summary>
    private static async Task<IReadOnlyList<RosterEntry>?> TryAddAllAsync(
        TableClient table, string tenantId, IReadOnlyList<Invitation> people, int capacity, CancellationToken cancellationToken)
    {
        var countRow = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, CountRow, cancellationToken: cancellationToken);
        var count = countRow.HasValue ? countRow.Value!.GetInt64("Count") ?? 0 : 0;
        if (count + people.Count > capacity)
        {
            return null;
        }

        var actions = people.Select(p => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(tenantId, p))).ToList();
        actions.Add(CountAction(tenantId, countRow, count + people.Count));
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return [.. people.Select(p => new RosterEntry(p, RosterChange.Created))];
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }

    public async Task<Invitation?> GetAsync(string tenantId, string employeeId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(WellnessTables.Roster, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, employeeId, Columns, cancellationToken);
        return row.HasValue && row.Value is { } entity ? ToInvitation(entity) : null;
    }

    /// <summary>How many people are on the roster.</summary>
    public async Task<long> CountAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(WellnessTables.Roster, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, CountRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetInt64("Count") ?? 0 : 0;
    }

    /// <summary>Removes a person and counts them out, in one transaction; false when they were not there.</summary>
    public async Task<bool> DeleteAsync(string tenantId, string employeeId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(WellnessTables.Roster, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, employeeId, ["PartitionKey", "RowKey"], cancellationToken);
            if (!row.HasValue)
            {
                return false;
            }

            var countRow = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, CountRow, cancellationToken: cancellationToken);
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, row.Value!, row.Value!.ETag) };
            if (countRow.HasValue)
            {
                var count = Math.Max(0, (countRow.Value!.GetInt64("Count") ?? 0) - 1);
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity(tenantId, CountRow) { ["Count"] = count }, countRow.Value.ETag));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException ex) when (attempt < Attempts && ex.Status is 404 or 409 or 412)
            {
                // Changed under us (or removed by a concurrent erasure): look again.
            }
        }
    }

    public async Task<InvitationPage> PageAsync(string tenantId, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(WellnessTables.Roster, cancellationToken);
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey lt {CountRow}");
        await foreach (var page in table.QueryAsync<TableEntity>(filter, size, Columns, cancellationToken).AsPages(continuationToken, size))
        {
            return new InvitationPage([.. page.Values.Select(ToInvitation)], page.ContinuationToken);
        }

        return new InvitationPage([], null);
    }

    private static async Task<Dictionary<string, TableEntity>> ReadAsync(TableClient table, string tenantId, List<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        if (ids.Count <= PointReadLimit)
        {
            var reads = await Task.WhenAll(ids.Select(id => table.GetEntityIfExistsAsync<TableEntity>(tenantId, id, Columns, cancellationToken)));
            foreach (var read in reads.Where(r => r.HasValue && r.Value is not null))
            {
                found[read.Value!.RowKey] = read.Value;
            }

            return found;
        }

        var first = ids.Min(StringComparer.Ordinal)!;
        var last = ids.Max(StringComparer.Ordinal)!;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {first} and RowKey le {last}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, MaxPageSize, Columns, cancellationToken))
        {
            if (wanted.Contains(row.RowKey))
            {
                found[row.RowKey] = row;
            }
        }

        return found;
    }

    /// <summary>The new head count, conditional on the count row as read, so two concurrent batches cannot both add from it.</summary>
    private static TableTransactionAction CountAction(string tenantId, NullableResponse<TableEntity> countRow, long count)
    {
        var counted = new TableEntity(tenantId, CountRow) { ["Count"] = count };
        return countRow.HasValue
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counted, countRow.Value!.ETag)
            : new TableTransactionAction(TableTransactionActionType.Add, counted);
    }

    private static TableEntity ToEntity(string tenantId, Invitation invitation) => new(tenantId, invitation.EmployeeId)
    {
        ["Department"] = invitation.Department,
        ["InvitedAt"] = invitation.InvitedAt,
        ["InvitedBy"] = invitation.InvitedBy,
    };

    private static Invitation ToInvitation(TableEntity row) => new(
        row.RowKey,
        row.GetString("Department") ?? string.Empty,
        row.GetDateTimeOffset("InvitedAt") ?? DateTimeOffset.MinValue,
        row.GetString("InvitedBy") ?? string.Empty);
}
