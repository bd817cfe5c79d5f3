namespace WellnessPlatform.Contracts.Incidents;

/// <summary>One page of the incident queue, newest first; pass the token back for the next, null at the end.</summary>
[GenerateSerializer, Immutable, Alias("wp.IncidentQueuePage")]
public sealed record IncidentQueuePage(
    [property: Id(0)] IReadOnlyList<IncidentSummary> Items,
    [property: Id(1)] string? ContinuationToken);
