using WellnessPlatform.Contracts.Tenants;

namespace WellnessPlatform.Grains.Tenants;

/// <summary>A tenant's stored settings.</summary>
[GenerateSerializer, Alias("wp.TenantState")]
public sealed class TenantState
{
    [Id(0)] public TenantConfig? Config { get; set; }
}
