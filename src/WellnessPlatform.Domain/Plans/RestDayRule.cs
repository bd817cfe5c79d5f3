namespace WellnessPlatform.Domain.Plans;

/// <summary>Weekdays planned as rest from a given day on; a change applies from the next week, never backwards.</summary>
[GenerateSerializer, Immutable, Alias("wp.RestDayRule")]
public sealed record RestDayRule(
    [property: Id(0)] DateOnly EffectiveFrom,
    [property: Id(1)] IReadOnlyList<DayOfWeek> Days);
