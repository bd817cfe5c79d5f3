using System.Globalization;
using Azure.Data.Tables;
using WellnessPlatform.Grains.Storage;

namespace WellnessPlatform.Benchmarks;

/// <summary>One stored entity, labelled by what it is (a grain type and state, a row kind), never by whose it is.</summary>
internal sealed record StoredEntity(string Table, string Kind, long Bytes);

/// <summary>Step 8: reads every entity of every table and finds the largest, sized as Azure bills them.</summary>
internal static class StoredEntities
{
    public sealed record Scan(IReadOnlyList<StoredEntity> Largest, long Entities, int Tables);

    public static async Task<Scan> LargestAsync(TableServiceClient service, string serviceId, int count)
    {
        var largest = new PriorityQueue<StoredEntity, long>();
        long entities = 0;
        var tables = 0;
        await foreach (var table in service.QueryAsync())
        {
            tables++;
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>(maxPerPage: 1000))
            {
                entities++;
                var size = SizeOf(entity);
                largest.Enqueue(new StoredEntity(table.Name, KindOf(table.Name, entity, serviceId), size), size);
                if (largest.Count > count)
                {
                    largest.Dequeue();
                }
            }
        }

        var top = new List<StoredEntity>();
        while (largest.TryDequeue(out var entity, out _))
        {
            top.Add(entity);
        }

        top.Reverse();
        return new Scan(top, entities, tables);
    }

    /// <summary>
    /// Azure Table's billed size of an entity: 4 bytes, the keys as UTF-16, and per property 8 bytes,
    /// its name as UTF-16 and its value (strings 4 + 2 per char, binary 4 + length, Int32 4, Int64,
    /// Double and DateTime 8, Guid 16, Boolean 1). Timestamp is stored and counted; the ETag is not a property.
    /// </summary>
    public static long SizeOf(TableEntity entity)
    {
        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2);
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" || name.StartsWith("odata.", StringComparison.Ordinal))
            {
                continue;
            }

            size += 8 + (name.Length * 2) + value switch
            {
                string s => 4 + (s.Length * 2),
                byte[] bytes => 4 + bytes.Length,
                BinaryData data => 4 + data.ToMemory().Length,
                int => 4,
                bool => 1,
                Guid => 16,
                null => 0,
                _ => 8,
            };
        }

        return size;
    }

    /// <summary>What an entity is. Orleans keys grain state as "{serviceId}_{grain type}_{key…}" ('/' becomes '_'), and the row key is the state's name.</summary>
    private static string KindOf(string table, TableEntity entity, string serviceId)
    {
        switch (table)
        {
            case "OrleansGrainState":
                var grain = entity.PartitionKey.StartsWith(serviceId + "_", StringComparison.Ordinal) ? entity.PartitionKey[(serviceId.Length + 1)..] : entity.PartitionKey;
                return $"{grain.Split('_')[0]} grain, state '{entity.RowKey}'";
            case "OrleansReminders":
                return $"reminder '{entity.GetString("ReminderName")}' of {entity.GetString("GrainReference")?.Split('/')[0]}";
            case "OrleansSiloInstances":
                return "cluster membership row";
            default:
                break;
        }

        if (table.EndsWith(WellnessTables.Roster, StringComparison.Ordinal))
        {
            return entity.RowKey.StartsWith('~') ? "roster head-count row" : "invitation row (one person)";
        }

        if (table.EndsWith(WellnessTables.Incidents, StringComparison.Ordinal))
        {
            return entity.RowKey.StartsWith('~') ? "incident counts row" : "incident queue row (one case)";
        }

        if (table.EndsWith(WellnessTables.ReleasedWeeks, StringComparison.Ordinal))
        {
            return $"released week {entity.RowKey}";
        }

        return table.EndsWith("Audit", StringComparison.Ordinal) ? "audit entry" : string.Create(CultureInfo.InvariantCulture, $"row of {table}");
    }
}
