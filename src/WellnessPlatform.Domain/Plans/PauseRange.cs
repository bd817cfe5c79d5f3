namespace WellnessPlatform.Domain.Plans;

/// <summary>Days the routine was paused, inclusive; an open pause has no end yet.</summary>
[GenerateSerializer, Immutable, Alias("wp.PauseRange")]
public sealed record PauseRange(
    [property: Id(0)] DateOnly From,
    [property: Id(1)] DateOnly? Until,
    [property: Id(2)] PauseKind Kind);
