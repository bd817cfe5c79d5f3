namespace WellnessPlatform.Domain.Aggregates;

/// <summary>One ISO week: the tenant total and one cell per department, in the tenant's department order.</summary>
[GenerateSerializer, Immutable, Alias("wp.AdherenceWeek")]
public sealed record AdherenceWeek(
    [property: Id(0)] string Week,
    [property: Id(1)] AdherenceCell Total,
    [property: Id(2)] IReadOnlyDictionary<string, AdherenceCell> Departments);
