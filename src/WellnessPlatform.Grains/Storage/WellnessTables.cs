using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace WellnessPlatform.Grains.Storage;

/// <summary>
/// The platform's own row-per-entity tables (the roster, the incident queue, released weeks, the case workers' work queue), created on first use.
/// A failed creation is forgotten rather than cached, so one outage at the first call does not break
/// every later one.
/// </summary>
public sealed class WellnessTables(TableServiceClient service, IOptions<TableSettings> settings)
{
    public const string Roster = "Roster";
    public const string Incidents = "Incidents";
    public const string ReleasedWeeks = "ReleasedWeeks";
    public const string CareQueue = "CareQueue";

    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _ready = new(StringComparer.Ordinal);

    public string NameOf(string kind) => settings.Value.Prefix + kind;

    public async Task<TableClient> GetAsync(string kind, CancellationToken cancellationToken = default)
    {
        var name = NameOf(kind);
        var ready = _ready.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n)));
        try
        {
            return await ready.Value.WaitAsync(cancellationToken);
        }
        catch
        {
            _ready.TryRemove(KeyValuePair.Create(name, ready));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string name)
    {
        var table = service.GetTableClient(name);
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
