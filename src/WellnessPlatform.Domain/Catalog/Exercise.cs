namespace WellnessPlatform.Domain.Catalog;

/// <summary>One entry of the exercise catalog.</summary>
/// <param name="Id">Stable identifier used in routes, logs and storage.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">Strength or flexibility.</param>
/// <param name="Targets">The muscles it works, in the source's words.</param>
/// <param name="Prescription">Reps and holds per session; null for contraindicated entries.</param>
/// <param name="Steps">How to do it, step by step.</param>
/// <param name="Cues">What to watch for while doing it.</param>
/// <param name="Contraindicated">True for movements the source says to avoid; never schedulable.</param>
/// <param name="SaferAlternativeId">For a contraindicated entry, the exercise to do instead.</param>
[GenerateSerializer, Immutable, Alias("wp.Exercise")]
public sealed record Exercise(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] ExerciseKind Kind,
    [property: Id(3)] string Targets,
    [property: Id(4)] Prescription? Prescription,
    [property: Id(5)] IReadOnlyList<string> Steps,
    [property: Id(6)] IReadOnlyList<string> Cues,
    [property: Id(7)] bool Contraindicated,
    [property: Id(8)] string? SaferAlternativeId);
