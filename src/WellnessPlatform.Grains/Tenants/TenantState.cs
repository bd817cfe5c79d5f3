using WellnessPlatform.Domain.Tenants;

namespace WellnessPlatform.Grains.Tenants;

/// <summary>A tenant's stored settings and what it has already released to HR.</summary>
[GenerateSerializer, Alias("wp.TenantState")]
public sealed class TenantState
{
    [Id(0)] public TenantConfig? Config { get; set; }

    [Id(1)] public ReleasedAdherence Released { get; set; } = new();

    /// <summary>Whether the tenant's roster and incident queue are in their tables (false for tenants from before them).</summary>
    [Id(2)] public bool ListsInTables { get; set; }

    /// <summary>The secret of the case-work alerts' unsubscribe link, issued anew with each new team address; null without one.</summary>
    [Id(3)] public string? CaseWorkUnsubscribeToken { get; set; }

    /// <summary>Whether the roster is known to be in its 16 bucket partitions, so activation no longer looks for the single-partition layout.</summary>
    [Id(4)] public bool RosterInBuckets { get; set; }
}
