namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// One released ISO week: the tenant total, one cell per department that had anyone in it (a missing
/// department is empty), and the streak distribution of the week's active people in bands of at least
/// k people (null when hidden). Once released a week never changes.
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.AdherenceWeek")]
public sealed record AdherenceWeek(
    [property: Id(0)] string Week,
    [property: Id(1)] AdherenceCell Total,
    [property: Id(2)] IReadOnlyDictionary<string, AdherenceCell> Departments,
    [property: Id(3)] IReadOnlyDictionary<string, int>? StreakBands = null);
