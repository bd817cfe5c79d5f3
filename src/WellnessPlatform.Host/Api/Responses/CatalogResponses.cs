namespace WellnessPlatform.Host.Api.Responses;

/// <summary>One entry of the exercise catalog.</summary>
/// <param name="Id">Stable identifier used in routes, logs and storage.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">"strength" or "flexibility".</param>
/// <param name="Targets">The muscles it works, in the source's words.</param>
/// <param name="Prescription">Reps and holds per session; null for contraindicated entries.</param>
/// <param name="Steps">How to do it, step by step.</param>
/// <param name="Cues">What to watch for while doing it.</param>
/// <param name="Contraindicated">True for movements the source says to avoid; never schedulable.</param>
/// <param name="SaferAlternativeId">For a contraindicated entry, the exercise to do instead.</param>
public sealed record ExerciseResponse(
    string Id,
    string Name,
    string Kind,
    string Targets,
    PrescriptionResponse? Prescription,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> Cues,
    bool Contraindicated,
    string? SaferAlternativeId);

/// <summary>How much of an exercise one session asks for, and the bounds a log entry may not pass.</summary>
/// <param name="MinReps">Fewest repetitions prescribed (per side for sided exercises).</param>
/// <param name="MaxReps">Most repetitions prescribed (per side for sided exercises).</param>
/// <param name="MinHoldSeconds">Shortest hold prescribed, in seconds.</param>
/// <param name="MaxHoldSeconds">Longest hold prescribed, in seconds.</param>
/// <param name="PerSide">True when the exercise is done on each leg in turn.</param>
/// <param name="Summary">The prescription in plain words for the routine screen.</param>
/// <param name="LogMaxReps">Above this a logged repetition count is refused as implausible.</param>
/// <param name="LogMaxHoldSeconds">Above this a logged hold is refused as implausible.</param>
public sealed record PrescriptionResponse(
    int MinReps,
    int MaxReps,
    int MinHoldSeconds,
    int MaxHoldSeconds,
    bool PerSide,
    string Summary,
    int LogMaxReps,
    int LogMaxHoldSeconds);
