namespace WellnessPlatform.Integration.Tests;

/// <summary>A running fault scenario of <see cref="FaultTests"/>: storage, the silo processes and the load.</summary>
internal sealed class FaultScenario(AzuriteProcess azurite, string cluster, FreezingProxy? proxy)
{
    private readonly List<SiloProcess> _silos = [];

    public AzuriteProcess Azurite => azurite;

    public string Cluster => cluster;

    /// <summary>Set when the silos reach storage through a relay that can hold their connections.</summary>
    public FreezingProxy? Proxy => proxy;

    /// <summary>What the silos connect to: Azurite, or the relay in front of it.</summary>
    public string SiloConnectionString => proxy is null
        ? azurite.ConnectionString
        : azurite.ConnectionString.Replace($":{azurite.Port}/", $":{proxy.Port}/", StringComparison.Ordinal);

    public SessionLoad Load { get; set; } = null!;

    /// <summary>Sessions acknowledged when the fault struck (-1 before).</summary>
    public int AcknowledgedAtFault { get; private set; } = -1;

    public IReadOnlyList<SiloProcess> All
    {
        get
        {
            lock (_silos)
            {
                return [.. _silos];
            }
        }
    }

    /// <summary>Marks the moment the fault strikes.</summary>
    public void Fault() => AcknowledgedAtFault = Load.AcknowledgedCount;

    /// <summary>Starts silos side by side; each is kept for disposal as soon as it is up, even if another fails.</summary>
    public Task StartSilosAsync(int count) => Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
    {
        var silo = await SiloProcess.StartAsync(SiloConnectionString, cluster);
        lock (_silos)
        {
            _silos.Add(silo);
        }
    }));

    public List<SiloProcess> Live() => [.. All.Where(s => s.Alive)];

    /// <summary>A live silo at random, as a load balancer in front of the gateways would pick.</summary>
    public SiloProcess Any()
    {
        var live = Live();
        return live[Random.Shared.Next(live.Count)];
    }
}
