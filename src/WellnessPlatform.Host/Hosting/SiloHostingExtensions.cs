using System.Net;
using Azure.Data.Tables;
using Orleans.Clustering.AzureStorage;
using Orleans.Configuration;
using Orleans.Reminders.AzureStorage;
using Orleans.Serialization;
using Orleans.Storage;
using WellnessPlatform.Contracts;
using WellnessPlatform.Grains;

namespace WellnessPlatform.Host.Hosting;

/// <summary>The silo: Azure Table storage for clustering, grain state and reminders, in every environment.</summary>
public static class SiloHostingExtensions
{
    /// <summary>The connection string name for Azure Table storage ("UseDevelopmentStorage=true" for Azurite).</summary>
    public const string TablesConnectionName = "Tables";

    public static WebApplicationBuilder AddWellnessSilo(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(TablesConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Set ConnectionStrings:{TablesConnectionName} (environment variable ConnectionStrings__{TablesConnectionName}) to an Azure Storage connection string.");
        }

        var cluster = builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var timeouts = builder.Configuration.GetSection(StorageTimeoutSettings.Section).Get<StorageTimeoutSettings>() ?? new StorageTimeoutSettings();
        builder.Services.AddSingleton(timeouts);

        // One client for grain state, membership, reminders, the row tables and the audit log: a storage
        // call that hangs gives up in NetworkTimeout instead of the SDK's 100 s, and is retried once.
        var options = new TableClientOptions();
        options.Retry.NetworkTimeout = timeouts.NetworkTimeout;
        options.Retry.MaxRetries = timeouts.MaxRetries;
        options.Retry.Mode = Azure.Core.RetryMode.Fixed;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        var tables = new TableServiceClient(connectionString, options);
        builder.Services.AddSingleton(tables);
        builder.Services.AddHttpContextAccessor();

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });

            // A request waits for a grain no longer than its deadline allows; the grain's own work goes on.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = timeouts.GrainCallTimeout);
            silo.AddOutgoingGrainCallFilter<RequestDeadlineFilter>();
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST")))
            {
                // In Kubernetes the pod's identity and address come from the downward API (deploy/k8s).
                silo.UseKubernetesHosting();
            }
            else
            {
                silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort, cluster.ListenOnAnyAddress);
            }

            silo.UseAzureStorageClustering((AzureStorageClusteringOptions o) => o.TableServiceClient = tables);
            silo.AddAzureTableGrainStorage(StorageNames.GrainState, ob => ob.Configure<Serializer>((o, serializer) =>
            {
                o.TableServiceClient = tables;

                // Erasure deletes the row: a blanked row would keep the grain id (the employee id) in its key.
                o.DeleteStateOnClear = true;

                // Orleans' binary format keeps a person's state several times smaller than JSON.
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
            silo.UseAzureTableReminderService((AzureTableReminderStorageOptions o) => o.TableServiceClient = tables);
            silo.AddActivityPropagation();
            silo.AddWellnessGrains(builder.Configuration);
        });
        return builder;
    }
}
