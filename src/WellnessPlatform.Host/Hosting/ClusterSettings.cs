using System.ComponentModel.DataAnnotations;
using System.Net;

namespace WellnessPlatform.Host.Hosting;

/// <summary>Where this silo joins the cluster (section "WellnessPlatform:Cluster").</summary>
public sealed class ClusterSettings : IValidatableObject
{
    public const string Section = "WellnessPlatform:Cluster";

    /// <summary>Silos with the same cluster id form one cluster through the Azure Table membership.</summary>
    [Required(ErrorMessage = Section + ":ClusterId is required.")]
    public string ClusterId { get; set; } = "wellness-local";

    /// <summary>Stable across deployments: grain state and reminders are stored under it.</summary>
    [Required(ErrorMessage = Section + ":ServiceId is required.")]
    public string ServiceId { get; set; } = "wellness";

    [Range(1, 65535, ErrorMessage = Section + ":SiloPort must be a port between {1} and {2}.")]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535, ErrorMessage = Section + ":GatewayPort must be a port between {1} and {2}.")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos reach this one at; loopback for a single machine.</summary>
    [Required(ErrorMessage = Section + ":AdvertisedAddress is required.")]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Listen on all interfaces (containers) rather than only the advertised address.</summary>
    public bool ListenOnAnyAddress { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return new ValidationResult($"{Section}:AdvertisedAddress must be an IP address.", [nameof(AdvertisedAddress)]);
        }

        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult($"{Section}:GatewayPort must differ from {Section}:SiloPort.", [nameof(GatewayPort)]);
        }
    }
}
