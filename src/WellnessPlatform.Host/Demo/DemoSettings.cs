namespace WellnessPlatform.Host.Demo;

/// <summary>Demo data (section "WellnessPlatform:Demo"); off unless asked for.</summary>
public sealed class DemoSettings
{
    public const string Section = "WellnessPlatform:Demo";

    public bool Seed { get; set; }

    public string TenantId { get; set; } = "demo";
}
