using System.Globalization;
using Azure;
using Azure.Data.Tables;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Grains.Storage;

namespace WellnessPlatform.Grains.Roster;

/// <summary>
/// The roster as Azure Table rows, spread over <see cref="RosterCursor.Buckets"/> partitions per tenant
/// (<c>{tenant}|{bucket}</c>, the bucket a stable hash of the employee id; row = employee id), each with
/// its own head-count row. A write of up to 99 people of one bucket and that bucket's count is one
/// entity-group transaction, so each person's row lands whole or not at all, every count is exact, and
/// rows that would not change are not written (uploading the same file twice changes nothing).
/// Buckets keep each partition a sixteenth of the tenant: Azure Table serves about 2,000 entities/s per
/// partition, and a page is read from a bucket or a few, never by sorting the whole tenant.
/// </summary>
public sealed class RosterTable(WellnessTables tables)
{
    /// <summary>People per transaction: Azure Table's limit of 100 operations, less the count row.</summary>
    public const int MaxBatch = 99;

    /// <summary>Each bucket's head-count row: '~' sorts after every id (ids are lowercase letters, digits and dashes).</summary>
    public const string CountRow = "~count";

    public const int MaxPageSize = InvitationPage.MaxPageSize;

    private const int Attempts = 3;

    // Under this many people, point reads are cheaper than a range scan between the first and last id.
    private const int PointReadLimit = 8;

    private static readonly string[] Columns = ["PartitionKey", "RowKey", "Department", "InvitedAt", "InvitedBy"];

    /// <summary>The partition of a tenant's bucket; two digits, so buckets sort in number order.</summary>
    public static string Partition(string tenantId, int bucket) => string.Create(CultureInfo.InvariantCulture, $"{tenantId}|{bucket:D2}");

    /// <summary>The partition that holds a person's row.</summary>
    public static string PartitionOf(string tenantId, string employeeId) => Partition(tenantId, RosterCursor.BucketOf(employeeId));

    /// <summary>
    /// Writes invitations (distinct ids) bucket by bucket, at most <see cref="MaxBatch"/> per transaction;
    /// returns what happened to each, in the order given. Someone already in the department keeps their
    /// stored row. The capacity is checked against the head count read at the start: two uploads at the
    /// same moment can each pass it, so the roster can exceed it by at most one call's new people.
    /// </summary>
    internal async Task<IReadOnlyList<RosterEntry>> ApplyAsync(
        string tenantId, IReadOnlyList<Invitation> people, int capacity, CancellationToken cancellationToken = default) =>
        await ApplyAsync(tenantId, people, await HeadroomAsync(tenantId, capacity, cancellationToken), cancellationToken);

    /// <summary>Room under the capacity as of now, for a caller that writes several batches in turn.</summary>
    internal async Task<RosterHeadroom> HeadroomAsync(string tenantId, int capacity, CancellationToken cancellationToken = default) =>
        new(capacity, capacity == int.MaxValue ? 0 : await CountAsync(tenantId, cancellationToken));

    /// <summary>As above, within room already read (and taken from as people are added).</summary>
    internal async Task<IReadOnlyList<RosterEntry>> ApplyAsync(
        string tenantId, IReadOnlyList<Invitation> people, RosterHeadroom headroom, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(WellnessTables.Roster, cancellationToken);
        var results = new Dictionary<string, RosterEntry>(StringComparer.Ordinal);
        foreach (var group in people.GroupBy(p => RosterCursor.BucketOf(p.EmployeeId)))
        {
            var partition = Partition(tenantId, group.Key);
            foreach (var batch in group.Chunk(MaxBatch))
            {
                var entries = batch.Length > PointReadLimit && await TryAddAllAsync(table, partition, batch, headroom, cancellationToken) is { } added
                    ? added
                    : await ApplyBatchAsync(table, partition, batch, headroom, cancellationToken);
                foreach (var entry in entries)
                {
                    results[entry.Invitation.EmployeeId] = entry;
                }
            }
        }

        return [.. people.Select(p => results[p.EmployeeId])];
    }

    /// <summary>Reads who of one bucket's batch is already there, then adds, moves or keeps each person.</summary>
    private static async Task<IReadOnlyList<RosterEntry>> ApplyBatchAsync(
        TableClient table, string partition, Invitation[] people, RosterHeadroom headroom, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await ReadAsync(table, partition, [.. people.Select(p => p.EmployeeId)], cancellationToken);
            var countRow = await table.GetEntityIfExistsAsync<TableEntity>(partition, CountRow, cancellationToken: cancellationToken);
            var count = countRow.HasValue ? countRow.Value!.GetInt64("Count") ?? 0 : 0;
            var created = 0;
            var entries = new List<RosterEntry>(people.Length);
            var actions = new List<TableTransactionAction>();
            foreach (var invitation in people)
            {
                if (existing.TryGetValue(invitation.EmployeeId, out var row) && row.GetString("Department") == invitation.Department)
                {
                    entries.Add(new RosterEntry(ToInvitation(row), RosterChange.Unchanged));
                    continue;
                }

                var entity = ToEntity(partition, invitation);
                if (row is null && !headroom.Allows(created + 1))
                {
                    entries.Add(new RosterEntry(invitation, RosterChange.Full));
                }
                else if (row is null)
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
                    entries.Add(new RosterEntry(invitation, RosterChange.Created));
                    created++;
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

            if (created > 0)
            {
                actions.Add(CountAction(partition, countRow, count + created));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                headroom.Take(created);
                return entries;
            }
            catch (TableTransactionFailedException ex) when (attempt < Attempts && ex.Status is 409 or 412)
            {
                // Someone else wrote one of these people between our read and write: read again.
            }
        }
    }

    /// <summary>
    /// A bulk upload's usual batch is all new people: try adding them all, with the bucket's count, in one
    /// transaction, without first asking which exist. A range query's cost can grow with the table (on
    /// Azurite it scans every row), so the common case skips it. Null when that is not so (someone is
    /// already there, the count moved, or the roster would overflow): the caller then reads and decides
    /// person by person. The transaction is all or nothing, so a failed try leaves nothing behind.
    /// </summary>
    private static async Task<IReadOnlyList<RosterEntry>?> TryAddAllAsync(
        TableClient table, string partition, Invitation[] people, RosterHeadroom headroom, CancellationToken cancellationToken)
    {
        if (!headroom.Allows(people.Length))
        {
            return null;
        }

        var countRow = await table.GetEntityIfExistsAsync<TableEntity>(partition, CountRow, cancellationToken: cancellationToken);
        var count = countRow.HasValue ? countRow.Value!.GetInt64("Count") ?? 0 : 0;
        var actions = people.Select(p => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(partition, p))).ToList();
        actions.Add(CountAction(partition, countRow, count + people.Length));
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            headroom.Take(people.Length);
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
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(tenantId, employeeId), employeeId, Columns, cancellationToken);
        return row.HasValue && row.Value is { } entity ? ToInvitation(entity) : null;
    }

    /// <summary>How many people are on the roster: the sum of the buckets' count rows, read at once.</summary>
    public async Task<long> CountAsync(string tenantId, CancellationToken cancellationToken = default) =>
        await CountAsync(await tables.GetAsync(WellnessTables.Roster, cancellationToken), tenantId, cancellationToken);

    private static async Task<long> CountAsync(TableClient table, string tenantId, CancellationToken cancellationToken)
    {
        var rows = await Task.WhenAll(Enumerable.Range(0, RosterCursor.Buckets).Select(b =>
            table.GetEntityIfExistsAsync<TableEntity>(Partition(tenantId, b), CountRow, ["Count"], cancellationToken)));
        return rows.Sum(r => r.HasValue ? r.Value!.GetInt64("Count") ?? 0 : 0);
    }

    /// <summary>Removes a person and counts them out, in one transaction; false when they were not there.</summary>
    public async Task<bool> DeleteAsync(string tenantId, string employeeId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(WellnessTables.Roster, cancellationToken);
        var partition = PartitionOf(tenantId, employeeId);
        for (var attempt = 1; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, employeeId, ["PartitionKey", "RowKey"], cancellationToken);
            if (!row.HasValue)
            {
                return false;
            }

            var countRow = await table.GetEntityIfExistsAsync<TableEntity>(partition, CountRow, cancellationToken: cancellationToken);
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, row.Value!, row.Value!.ETag) };
            if (countRow.HasValue)
            {
                var count = Math.Max(0, (countRow.Value!.GetInt64("Count") ?? 0) - 1);
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity(partition, CountRow) { ["Count"] = count }, countRow.Value.ETag));
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

    /// <summary>
    /// Moves a roster written before the buckets (partition = tenant id) into them: each person lands in
    /// their bucket first, then the old rows go, the old count row last, so a failure part-way leaves the
    /// old partition to be moved again (the moved rows are then unchanged). A no-op after that: one point read.
    /// </summary>
    internal async Task SpreadSinglePartitionAsync(string tenantId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(WellnessTables.Roster, cancellationToken);
        var oldCount = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, CountRow, cancellationToken: cancellationToken);
        if (!oldCount.HasValue)
        {
            return;
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey lt {CountRow}");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, MaxPageSize, Columns, cancellationToken))
        {
            rows.Add(row);
        }

        foreach (var batch in rows.Chunk(MaxBatch * RosterCursor.Buckets))
        {
            // Everyone invited before stays invited, whatever the capacity.
            await ApplyAsync(tenantId, [.. batch.Select(ToInvitation)], int.MaxValue, cancellationToken);
        }

        foreach (var batch in rows.Chunk(MaxBatch + 1))
        {
            await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
        }

        await table.DeleteEntityAsync(tenantId, CountRow, ETag.All, cancellationToken);
    }

    /// <summary>
    /// One page, in bucket order and id order within a bucket. Each query spans a window of buckets
    /// sized from what the last one found, so it matches about a page of rows: one bucket of a large
    /// tenant, all of a small one's. A query's cost then stays near a page's, however large the tenant.
    /// </summary>
    public async Task<InvitationPage> PageAsync(string tenantId, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var cursor = continuationToken is null ? RosterCursor.Start
            : RosterCursor.TryParse(continuationToken, out var parsed) ? parsed
            : throw new ArgumentException("Not a continuation token of the roster.", nameof(continuationToken));
        var table = await tables.GetAsync(WellnessTables.Roster, cancellationToken);
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var items = new List<Invitation>(size);
        var (bucket, window, after) = (cursor.Bucket, cursor.Window, cursor.AfterId);
        if (continuationToken is null)
        {
            // The first bucket's head count is a sixteenth of the tenant, near enough to size the first window.
            var first = await table.GetEntityIfExistsAsync<TableEntity>(Partition(tenantId, 0), CountRow, ["Count"], cancellationToken);
            window = WindowFor(size, first.HasValue ? first.Value!.GetInt64("Count") ?? 0 : 0);
        }

        while (bucket < RosterCursor.Buckets)
        {
            // A page that starts inside a bucket reads the rest of that bucket first, with the simplest filter.
            var end = after is null ? Math.Min(RosterCursor.Buckets, bucket + window) : bucket + 1;
            var wanted = size - items.Count;
            var found = 0;
            await foreach (var row in table.QueryAsync<TableEntity>(WindowFilter(tenantId, bucket, end, after), wanted, Columns, cancellationToken))
            {
                items.Add(ToInvitation(row));
                if (++found == wanted)
                {
                    var last = RosterCursor.BucketOf(row.RowKey);
                    return new InvitationPage(items, new RosterCursor(last, window, row.RowKey).ToString());
                }
            }

            // The window ran out: size the next one to hold what is still wanted, at the density just seen
            // (the rest of a bucket says nothing of the next, so the window carried in the token stays).
            window = after is null ? WindowFor(wanted - found, found / (double)(end - bucket)) : window;
            (bucket, after) = (end, null);
        }

        return new InvitationPage(items, null);
    }

    /// <summary>How many buckets hold about <paramref name="wanted"/> rows at <paramref name="perBucket"/> rows each.</summary>
    private static int WindowFor(int wanted, double perBucket) =>
        (int)Math.Clamp(Math.Ceiling(wanted / Math.Max(perBucket, 0.5)), 1, RosterCursor.Buckets);

    /// <summary>A window of whole buckets, or the rest of one bucket after an id.</summary>
    private static string WindowFilter(string tenantId, int bucket, int end, string? after)
    {
        var first = Partition(tenantId, bucket);
        var beyond = Partition(tenantId, end);
        // One bucket is an equality on the partition: the cheapest filter for Azurite to evaluate on every
        // row, and a single-partition query for Azure Table.
        return (after, end - bucket) switch
        {
            (null, 1) => TableClient.CreateQueryFilter($"PartitionKey eq {first} and RowKey lt {CountRow}"),
            (null, _) => TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey lt {beyond} and RowKey lt {CountRow}"),
            _ => TableClient.CreateQueryFilter($"PartitionKey eq {first} and RowKey gt {after} and RowKey lt {CountRow}"),
        };
    }

    private static async Task<Dictionary<string, TableEntity>> ReadAsync(TableClient table, string partition, List<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        if (ids.Count <= PointReadLimit)
        {
            var reads = await Task.WhenAll(ids.Select(id => table.GetEntityIfExistsAsync<TableEntity>(partition, id, Columns, cancellationToken)));
            foreach (var read in reads.Where(r => r.HasValue && r.Value is not null))
            {
                found[read.Value!.RowKey] = read.Value;
            }

            return found;
        }

        var first = ids.Min(StringComparer.Ordinal)!;
        var last = ids.Max(StringComparer.Ordinal)!;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {first} and RowKey le {last}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, MaxPageSize, Columns, cancellationToken))
        {
            if (wanted.Contains(row.RowKey))
            {
                found[row.RowKey] = row;
            }
        }

        return found;
    }

    /// <summary>The bucket's new head count, conditional on its count row as read, so two concurrent batches cannot both add from it.</summary>
    private static TableTransactionAction CountAction(string partition, NullableResponse<TableEntity> countRow, long count)
    {
        var counted = new TableEntity(partition, CountRow) { ["Count"] = count };
        return countRow.HasValue
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counted, countRow.Value!.ETag)
            : new TableTransactionAction(TableTransactionActionType.Add, counted);
    }

    private static TableEntity ToEntity(string partition, Invitation invitation) => new(partition, invitation.EmployeeId)
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
