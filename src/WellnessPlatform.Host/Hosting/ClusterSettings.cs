namespace WellnessPlatform.Host.Hosting;

/// <summary>Where this silo joins the cluster (section "WellnessPlatform:Cluster").</summary>
public sealed class ClusterSettings
{
    public const string Section = "WellnessPlatform:Cluster";

    /// <summary>Silos with the same cluster id form one cluster through the Azure Table membership.</summary>
    public string ClusterId { get; set; } = "wellness-local";

    /// <summary>Stable across deployments: grain state and reminders are stored under it.</summary>
    public string ServiceId { get; set; } = "wellness";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos reach this one at; loopback for a single machine.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Listen on all interfaces (containers) rather than only the advertised address.</summary>
    public bool ListenOnAnyAddress { get; set; }
}
