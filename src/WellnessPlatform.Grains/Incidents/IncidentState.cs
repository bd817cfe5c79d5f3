using WellnessPlatform.Contracts.Incidents;

namespace WellnessPlatform.Grains.Incidents;

[GenerateSerializer, Alias("wp.IncidentState")]
public sealed class IncidentState
{
    [Id(0)] public string? EmployeeId { get; set; }

    [Id(1)] public IncidentReport? Report { get; set; }

    [Id(2)] public DateTimeOffset ReportedAt { get; set; }

    [Id(3)] public List<IncidentTransition> Timeline { get; set; } = [];
}
