using WellnessPlatform.Domain.Incidents;

namespace WellnessPlatform.Grains.Migration;

/// <summary>A queue line as the one-state incident index stored it: frozen with that format. Only its key is read now.</summary>
[GenerateSerializer, Immutable, Alias("wp.legacy.IncidentSummary")]
public sealed record LegacyIncidentSummary(
    [property: Id(0)] string IncidentId,
    [property: Id(1)] string EmployeeId,
    [property: Id(2)] IncidentStatus Status,
    [property: Id(3)] DateTimeOffset ReportedAt,
    [property: Id(4)] DateTimeOffset OccurredAt,
    [property: Id(5)] bool PrivacyCase,
    [property: Id(6)] DateTimeOffset Form301DueBy);
