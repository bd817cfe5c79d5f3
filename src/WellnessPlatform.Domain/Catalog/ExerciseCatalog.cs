namespace WellnessPlatform.Domain.Catalog;

/// <summary>
/// The routine's exercises and the movements to avoid, as the source document
/// ("3 Exercises to Help Alleviate Back Pain") describes them. Numbers are requirements.
/// </summary>
public static class ExerciseCatalog
{
    public const string PartialCrunch = "partial-crunch";
    public const string HamstringStretch = "hamstring-stretch";
    public const string WallSit = "wall-sit";
    public const string FullSitUp = "full-sit-up";
    public const string LegLift = "leg-lift";

    public static Exercise PartialCrunchExercise { get; } = new(
        PartialCrunch,
        "Partial crunch",
        ExerciseKind.Strength,
        "back and stomach muscles",
        new Prescription(8, 12, 1, 1, PerSide: false,
            "8–12 repetitions; hold each for 1 second at the top, then lower yourself slowly.",
            LogMaxReps: 30, LogMaxHoldSeconds: 5),
        [
            "Lie on your back with your knees bent and your feet flat on the floor.",
            "Put your hands beneath your neck or cross your arms over your chest.",
            "Tighten your stomach muscles and raise your shoulders off the floor, breathing out as they lift.",
            "Hold for one second, then slowly lower yourself back down.",
        ],
        [
            "Do not lead with your elbows.",
            "Do not use your arms to pull yourself off the floor.",
            "This replaces full sit-ups, which you should avoid.",
        ],
        Contraindicated: false,
        SaferAlternativeId: null);

    public static Exercise HamstringStretchExercise { get; } = new(
        HamstringStretch,
        "Hamstring stretch",
        ExerciseKind.Flexibility,
        "the back of the legs (hamstrings)",
        new Prescription(2, 4, 15, 30, PerSide: true,
            "2–4 times on each leg; hold each stretch for at least 15 seconds, 15–30 seconds in all.",
            LogMaxReps: 8, LogMaxHoldSeconds: 90),
        [
            "Lie on your back with one knee bent.",
            "Loop a towel under the ball of the other foot.",
            "Straighten that knee and slowly pull back on the towel.",
            "Hold for 15 to 30 seconds, then change legs.",
        ],
        [
            "You should feel a gentle stretch down the back of the leg, not pain.",
            "Pull back slowly; do not bounce.",
            "This replaces leg lifts, which you should avoid.",
        ],
        Contraindicated: false,
        SaferAlternativeId: null);

    public static Exercise WallSitExercise { get; } = new(
        WallSit,
        "Wall sit",
        ExerciseKind.Strength,
        "lower back, core and legs",
        new Prescription(8, 12, 10, 10, PerSide: false,
            "8–12 repetitions; hold each for a count of ten.",
            LogMaxReps: 30, LogMaxHoldSeconds: 60),
        [
            "Stand about a foot (or a little less) from a wall.",
            "Lean back until your back is pressed flat against the wall.",
            "Slowly slide down until your knees are slightly bent, lower back pressed into the wall.",
            "Hold for a count of ten, then carefully slide back up the wall.",
        ],
        [
            "Keep your lower back pressed into the wall throughout.",
            "Bend your knees only slightly.",
            "Slide up carefully.",
        ],
        Contraindicated: false,
        SaferAlternativeId: null);

    public static Exercise FullSitUpExercise { get; } = new(
        FullSitUp,
        "Full sit-up",
        ExerciseKind.Strength,
        "stomach muscles",
        Prescription: null,
        Steps: [],
        Cues: ["Avoid full sit-ups with back pain; do partial crunches instead."],
        Contraindicated: true,
        SaferAlternativeId: PartialCrunch);

    public static Exercise LegLiftExercise { get; } = new(
        LegLift,
        "Leg lift",
        ExerciseKind.Strength,
        "hip flexors and stomach muscles",
        Prescription: null,
        Steps: [],
        Cues: ["Avoid leg lifts with back pain; do hamstring stretches instead."],
        Contraindicated: true,
        SaferAlternativeId: HamstringStretch);

    /// <summary>Every entry, the ones to avoid included, so the portal can say why they are left out.</summary>
    public static IReadOnlyList<Exercise> All { get; } =
        [PartialCrunchExercise, HamstringStretchExercise, WallSitExercise, FullSitUpExercise, LegLiftExercise];

    /// <summary>The exercises a routine may contain: everything not contraindicated.</summary>
    public static IReadOnlyList<Exercise> Schedulable { get; } = [.. All.Where(e => !e.Contraindicated)];

    public static Exercise? Find(string id) => All.FirstOrDefault(e => e.Id == id);
}
