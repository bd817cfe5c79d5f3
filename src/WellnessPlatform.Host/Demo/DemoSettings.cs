using System.ComponentModel.DataAnnotations;

namespace WellnessPlatform.Host.Demo;

/// <summary>Demo data (section "WellnessPlatform:Demo"); off unless asked for.</summary>
public sealed class DemoSettings
{
    public const string Section = "WellnessPlatform:Demo";

    public bool Seed { get; set; }

    /// <summary>Checked whether or not seeding is on, so switching it on later cannot fail at the first start.</summary>
    [Required(ErrorMessage = Section + ":TenantId is required.")]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,63}$", ErrorMessage = Section + ":TenantId must be a tenant id: " + Domain.Identifiers.Rule + ".")]
    public string TenantId { get; set; } = "demo";
}
