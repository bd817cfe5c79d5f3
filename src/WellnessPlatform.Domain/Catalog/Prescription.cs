namespace WellnessPlatform.Domain.Catalog;

/// <summary>
/// How much of an exercise one session asks for, straight from the source document, plus the
/// outer bounds a log entry may have before it is refused as implausible.
/// </summary>
/// <param name="MinReps">Fewest repetitions prescribed (per side for sided exercises).</param>
/// <param name="MaxReps">Most repetitions prescribed (per side for sided exercises).</param>
/// <param name="MinHoldSeconds">Shortest hold prescribed, in seconds.</param>
/// <param name="MaxHoldSeconds">Longest hold prescribed, in seconds.</param>
/// <param name="PerSide">True when the exercise is done on each leg in turn.</param>
/// <param name="Summary">The prescription in plain words for the routine screen.</param>
/// <param name="LogMaxReps">Above this a logged repetition count is refused as implausible.</param>
/// <param name="LogMaxHoldSeconds">Above this a logged hold is refused as implausible.</param>
[GenerateSerializer, Immutable, Alias("wp.Prescription")]
public sealed record Prescription(
    [property: Id(0)] int MinReps,
    [property: Id(1)] int MaxReps,
    [property: Id(2)] int MinHoldSeconds,
    [property: Id(3)] int MaxHoldSeconds,
    [property: Id(4)] bool PerSide,
    [property: Id(5)] string Summary,
    [property: Id(6)] int LogMaxReps,
    [property: Id(7)] int LogMaxHoldSeconds);
