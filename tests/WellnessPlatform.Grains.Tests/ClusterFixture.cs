using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Tenants;
using WellnessPlatform.Grains.Notifications;
using WellnessPlatform.Testing;

namespace WellnessPlatform.Grains.Tests;

/// <summary>
/// Two in-process silos on in-memory grain storage with a fake clock: for the grains' logic. The tables
/// kept one row per person or case (roster, incident queue) have no in-memory stand-in, so they live in
/// a real Azurite; the full storage path is covered by the integration tests.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>Wednesday 25 November 2026, 12:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly AzuriteProcess _azurite = new();
    private readonly MailDevProcess _mail = new();
    private InProcessTestCluster? _cluster;

    private const string InnerStorage = "memory";

    public FakeTimeProvider Clock { get; } = new(Start);

    public StorageFaults Faults { get; } = new();

    /// <summary>Makes the mail relay refuse the next sends.</summary>
    public MailFaults MailFaults { get; } = new();

    public IClusterClient Client => _cluster?.Client ?? throw new InvalidOperationException("The cluster is not deployed.");

    public TableServiceClient Tables => new(_azurite.ConnectionString);

    /// <summary>What the silos sent by email, read from the fixture's own MailDev.</summary>
    public MailDevInbox Inbox => _mail.Inbox();

    /// <summary>The reminders a grain has registered, read from the silos' reminder table.</summary>
    public async Task<IReadOnlyList<ReminderEntry>> RemindersAsync(GrainId grain)
    {
        var table = _cluster!.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        return [.. (await table.ReadRows(grain)).Reminders];
    }

    /// <summary>A silo's services: to put a grain's state in storage as a test's starting point.</summary>
    public IServiceProvider SiloServices => _cluster?.Silos[0].ServiceProvider ?? throw new InvalidOperationException("The cluster is not deployed.");

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        await _mail.StartAsync();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            // Memory storage behind a switch that can fail a grain's next write like an outage. It stores
            // in Orleans' binary format, as the host does on Azure Table storage: memory storage's default
            // JSON cannot read back a state whose dictionaries have record keys (the outbox's cells).
            silo.AddMemoryGrainStorage(InnerStorage, ob => ob.Configure<Serializer>((o, serializer) =>
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.GrainState, (sp, _) =>
                new FaultyGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(InnerStorage), Faults));
            silo.UseInMemoryReminderService();

            // An interrupted erasure resumes on its reminder within seconds rather than the minute it takes in production.
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Services.Configure<WellnessGrainOptions>(o => o.ErasureRetryInterval = TimeSpan.FromSeconds(2));
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.AddSingleton(new TableServiceClient(_azurite.ConnectionString));
            silo.Services.Configure<MailSettings>(o => o.SmtpPort = _mail.SmtpPort);
            silo.Services.AddSingleton<IMailSender>(sp => new FaultyMailSender(new SmtpMailSender(sp.GetRequiredService<IOptions<MailSettings>>()), MailFaults));
            silo.AddWellnessGrains();
            silo.AddIncomingGrainCallFilter<StateBounds.ShardOutage>();
            silo.AddIncomingGrainCallFilter<CareQueue.CareQueueOutage>();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await _azurite.DisposeAsync();
        await _mail.DisposeAsync();
    }

    public async Task<string> CreateTenantAsync(string tenantId, params string[] departments)
    {
        var config = new TenantConfig("Test employer", departments.Length > 0 ? departments : ["office"], "Etc/UTC",
            new PrivacyThresholds(3, 3), PlanSettings.Default, "https://example.com/report", "https://example.com/comp", 2);
        using (new TenantScope(tenantId))
        {
            var outcome = await Client.GetGrain<ITenantGrain>(tenantId).ConfigureAsync(config);
            Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors.Select(e => e.Message)));
        }

        return tenantId;
    }
}

/// <summary>
/// The cluster shared by test classes that touch only their own tenant's data and neither move the
/// clock nor fail storage. Every grain test takes a <see cref="ClusterFixture"/> through its primary
/// constructor, and chooses its cluster one of two ways: this collection, or a cluster of its own
/// (IClassFixture) when it moves the clock or fails storage, with <see cref="MeteredCollection"/> as
/// well when it counts the process-wide meters.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

/// <summary>Test classes that count process-wide meter measurements run one at a time, each on its own cluster.</summary>
[CollectionDefinition(Name)]
public sealed class MeteredCollection
{
    public const string Name = "metered";
}
