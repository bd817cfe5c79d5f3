namespace WellnessPlatform.Domain.Screening;

/// <summary>The result of a screening: whether the routine is held, why, and what to tell the person.</summary>
[GenerateSerializer, Immutable, Alias("wp.ScreeningOutcome")]
public sealed record ScreeningOutcome(
    [property: Id(0)] bool Held,
    [property: Id(1)] IReadOnlyList<HoldReason> Reasons,
    [property: Id(2)] bool SuggestIncidentReport,
    [property: Id(3)] string Advice);
