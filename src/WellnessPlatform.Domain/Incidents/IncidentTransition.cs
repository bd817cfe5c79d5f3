namespace WellnessPlatform.Domain.Incidents;

/// <summary>One step of a case's timeline: who moved it, when, and why.</summary>
[GenerateSerializer, Immutable, Alias("wp.IncidentTransition")]
public sealed record IncidentTransition(
    [property: Id(0)] IncidentStatus Status,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string? Note);
