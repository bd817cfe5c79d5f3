using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using WellnessPlatform.Contracts;
using WellnessPlatform.Grains;

namespace WellnessPlatform.Benchmarks;

/// <summary>One silo in this process, on memory storage or on Azure Table storage with a write counter.</summary>
internal static class BenchSilo
{
    /// <summary>
    /// Memory grain storage with the Orleans binary serializer, as on Azure Table storage: memory storage
    /// otherwise defaults to JSON, which would make the benchmark measure Newtonsoft rather than the grains.
    /// </summary>
    public static void AddBinaryMemoryStorage(ISiloBuilder silo) =>
        silo.AddMemoryGrainStorage(StorageNames.GrainState, ob => ob.Configure<Serializer>((o, serializer) =>
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));

    public static async Task<IHost> StartAsync(string? tablesConnectionString = null, StorageWriteCounter? counter = null, bool storage = false, TimeProvider? clock = null, TimeSpan? timersEvery = null)
    {
        var rowTables = new TableServiceClient(tablesConnectionString ?? await BenchTables.ConnectionStringAsync());
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(rowTables);
        builder.Logging.SetMinimumLevel(LogLevel.Critical); // shutdown with timers still running is noisy and expected
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: 11411, gatewayPort: 30411, serviceId: "bench", clusterId: "bench");
            silo.UseInMemoryReminderService();
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(1));
            if (clock is not null)
            {
                silo.Services.AddSingleton(clock);
            }

            if (timersEvery is { } every)
            {
                // As rare as the settings allow (their checked ranges end at 1 and 10 minutes).
                silo.Services.Configure<WellnessGrainOptions>(o =>
                {
                    o.ShardFlushInterval = every < TimeSpan.FromMinutes(1) ? every : TimeSpan.FromMinutes(1);
                    o.OutboxRetryInterval = every < TimeSpan.FromMinutes(10) ? every : TimeSpan.FromMinutes(10);
                });
            }

            if (storage)
            {
                silo.Services.AddSingleton<MeasuringGrainStorage>();
                silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.GrainState, (sp, _) => sp.GetRequiredService<MeasuringGrainStorage>());
            }
            else if (tablesConnectionString is null)
            {
                AddBinaryMemoryStorage(silo);
            }
            else
            {
                var options = new TableClientOptions();
                options.AddPolicy(counter!, HttpPipelinePosition.PerCall);
                var tables = new TableServiceClient(tablesConnectionString, options);
                silo.AddAzureTableGrainStorage(StorageNames.GrainState, ob => ob.Configure<Serializer>((o, serializer) =>
                {
                    o.TableServiceClient = tables;
                    o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                }));
            }

            silo.AddWellnessGrains();
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}

/// <summary>
/// Counts the writes that reach Azure Table storage, as the storage side sees them: all grain-state
/// writes, and apart the updates of employee state (row key = the state's name), which is the floor.
/// </summary>
internal sealed class StorageWriteCounter : HttpPipelineSynchronousPolicy
{
    private static readonly string EmployeeRow = $"RowKey='{StorageNames.EmployeeState}'";

    private long _writes;
    private long _employeeWrites;

    public long Writes => Interlocked.Read(ref _writes);

    public long EmployeeWrites => Interlocked.Read(ref _employeeWrites);

    public override void OnReceivedResponse(HttpMessage message)
    {
        var method = message.Request.Method;
        var path = Uri.UnescapeDataString(message.Request.Uri.Path);
        if ((method == RequestMethod.Put || method == RequestMethod.Post || method == RequestMethod.Patch || method == RequestMethod.Delete)
            && message.Response.Status is >= 200 and < 300
            && path.Contains("OrleansGrainState", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _writes);
            if (path.Contains(EmployeeRow, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _employeeWrites);
            }
        }
    }
}
