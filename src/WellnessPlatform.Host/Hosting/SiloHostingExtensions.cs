using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
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

        builder.AddSettings<ClusterSettings>(ClusterSettings.Section);
        builder.AddSettings<StorageTimeoutSettings>(StorageTimeoutSettings.Section);

        // One client for grain state, membership, reminders, the row tables and the audit log: a storage
        // call that hangs gives up in NetworkTimeout instead of the SDK's 100 s, and is retried once.
        // Made on first use, after the settings were checked.
        builder.Services.AddSingleton(sp =>
        {
            var timeouts = sp.GetRequiredService<IOptions<StorageTimeoutSettings>>().Value;
            var options = new TableClientOptions();
            options.Retry.NetworkTimeout = timeouts.NetworkTimeout;
            options.Retry.MaxRetries = timeouts.MaxRetries;
            options.Retry.Mode = Azure.Core.RetryMode.Fixed;
            options.Retry.Delay = TimeSpan.FromMilliseconds(200);
            return new TableServiceClient(connectionString, options);
        });
        builder.Services.AddHttpContextAccessor();

        builder.UseOrleans(silo =>
        {
            silo.Services.AddOptions<ClusterOptions>().Configure<IOptions<ClusterSettings>>((o, cluster) =>
            {
                o.ClusterId = cluster.Value.ClusterId;
                o.ServiceId = cluster.Value.ServiceId;
            });

            // A request waits for a grain no longer than its deadline allows; the grain's own work goes on.
            silo.Services.AddOptions<SiloMessagingOptions>().Configure<IOptions<StorageTimeoutSettings>>((o, timeouts) => o.ResponseTimeout = timeouts.Value.GrainCallTimeout);
            silo.AddOutgoingGrainCallFilter<RequestDeadlineFilter>();
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST")))
            {
                // In Kubernetes the pod's identity and address come from the downward API (deploy/k8s).
                silo.UseKubernetesHosting();
            }
            else
            {
                // What ConfigureEndpoints sets, read from the checked settings.
                silo.Services.AddOptions<EndpointOptions>().Configure<IOptions<ClusterSettings>>((o, settings) =>
                {
                    var cluster = settings.Value;
                    o.AdvertisedIPAddress = IPAddress.Parse(cluster.AdvertisedAddress);
                    o.SiloPort = cluster.SiloPort;
                    o.GatewayPort = cluster.GatewayPort;
                    if (cluster.ListenOnAnyAddress)
                    {
                        o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, cluster.SiloPort);
                        o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, cluster.GatewayPort);
                    }
                });
            }

            silo.UseAzureStorageClustering(ob => ob.Configure<TableServiceClient>((o, tables) => o.TableServiceClient = tables));
            silo.AddAzureTableGrainStorage(StorageNames.GrainState, ob => ob.Configure<Serializer, TableServiceClient>((o, serializer, tables) =>
            {
                o.TableServiceClient = tables;

                // Erasure deletes the row: a blanked row would keep the grain id (the employee id) in its key.
                o.DeleteStateOnClear = true;

                // Orleans' binary format keeps a person's state several times smaller than JSON.
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
            silo.UseAzureTableReminderService(ob => ob.Configure<TableServiceClient>((o, tables) => o.TableServiceClient = tables));
            silo.AddActivityPropagation();
            silo.AddWellnessGrains(builder.Configuration);
        });
        return builder;
    }
}
