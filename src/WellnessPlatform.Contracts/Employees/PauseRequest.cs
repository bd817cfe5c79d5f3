namespace WellnessPlatform.Contracts.Employees;

/// <summary>A medical pause from a local day (today when null) until an optional last day, at most 90 days.</summary>
[GenerateSerializer, Immutable, Alias("wp.PauseRequest")]
public sealed record PauseRequest(
    [property: Id(0)] DateOnly? From,
    [property: Id(1)] DateOnly? Until);
