using WellnessPlatform.Domain.Incidents;
namespace WellnessPlatform.Contracts.Incidents;

/// <summary>A line of the case workers' queue: no narrative, only what is needed to pick a case.</summary>
[GenerateSerializer, Immutable, Alias("wp.IncidentSummary")]
public sealed record IncidentSummary(
    [property: Id(0)] string IncidentId,
    [property: Id(1)] string EmployeeId,
    [property: Id(2)] IncidentStatus Status,
    [property: Id(3)] DateTimeOffset ReportedAt,
    [property: Id(4)] DateTimeOffset OccurredAt,
    [property: Id(5)] bool PrivacyCase,
    [property: Id(6)] DateTimeOffset Form301DueBy);
