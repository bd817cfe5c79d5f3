using Azure.Data.Tables;

namespace WellnessPlatform.Host.Audit;

/// <summary>
/// The audit table, created on first use. A failed creation is forgotten, not cached (as in
/// <see cref="Grains.Storage.WellnessTables"/>): one storage outage at the first audited call must not
/// break every audited route until the process restarts.
/// </summary>
internal sealed class AuditTable(TableServiceClient tables, AuditSettings settings)
{
    private Lazy<Task<TableClient>>? _ready;

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

    private async Task<TableClient> CreateAsync()
    {
        var table = tables.GetTableClient(settings.TableName);
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
