namespace WellnessPlatform.Domain.Aggregates;

/// <summary>Screening outcomes across the tenant (health tier: null when the group is too small).</summary>
[GenerateSerializer, Immutable, Alias("wp.ScreeningSummary")]
public sealed record ScreeningSummary(
    [property: Id(0)] int? Screened,
    [property: Id(1)] int? Held,
    [property: Id(2)] bool Suppressed);
