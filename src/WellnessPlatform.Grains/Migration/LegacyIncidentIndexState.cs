namespace WellnessPlatform.Grains.Migration;

/// <summary>The incident queue as one grain state, before one row per case: read once by <see cref="LegacyListMigration"/>.</summary>
[GenerateSerializer, Alias("wp.IncidentIndexState")]
public sealed class LegacyIncidentIndexState
{
    [Id(0)] public Dictionary<string, LegacyIncidentSummary> Cases { get; set; } = [];
}
