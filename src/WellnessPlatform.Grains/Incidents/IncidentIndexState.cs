using WellnessPlatform.Contracts.Incidents;

namespace WellnessPlatform.Grains.Incidents;

[GenerateSerializer, Alias("wp.IncidentIndexState")]
public sealed class IncidentIndexState
{
    [Id(0)] public Dictionary<string, IncidentSummary> Cases { get; set; } = [];
}
