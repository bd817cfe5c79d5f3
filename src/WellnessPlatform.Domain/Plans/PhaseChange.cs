namespace WellnessPlatform.Domain.Plans;

/// <summary>A move between phases, effective from the Monday given.</summary>
[GenerateSerializer, Immutable, Alias("wp.PhaseChange")]
public sealed record PhaseChange(
    [property: Id(0)] DateOnly EffectiveFrom,
    [property: Id(1)] int FromPhase,
    [property: Id(2)] int ToPhase,
    [property: Id(3)] string Reason);
