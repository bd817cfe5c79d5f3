namespace WellnessPlatform.Domain.Sessions;

/// <summary>One exercise as done in a session.</summary>
/// <param name="ExerciseId">Catalog id, for example "wall-sit".</param>
/// <param name="Reps">Repetitions done (per leg for the hamstring stretch).</param>
/// <param name="HoldSeconds">How long each repetition was held.</param>
/// <param name="Side">Leg for sided exercises; null otherwise.</param>
[GenerateSerializer, Immutable, Alias("wp.LoggedExercise")]
public sealed record LoggedExercise(
    [property: Id(0)] string ExerciseId,
    [property: Id(1)] int Reps,
    [property: Id(2)] int HoldSeconds,
    [property: Id(3)] Side? Side);
