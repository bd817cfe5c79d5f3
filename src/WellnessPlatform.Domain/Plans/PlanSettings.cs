namespace WellnessPlatform.Domain.Plans;

/// <summary>
/// The progression rules a tenant can tune. Defaults follow the source ("a few times a week at first,
/// then work your way up to performing them daily"): 3, then 5 sessions a week, then daily.
/// </summary>
/// <param name="PhaseTargets">Sessions (distinct days) per week for each phase, first to last; the last is 7 (daily).</param>
/// <param name="WeeksAtTargetToPromote">Consecutive weeks at target, with pain not rising, before moving up.</param>
/// <param name="PainRiseMargin">A check-in this many points above baseline counts as raised pain.</param>
/// <param name="PainRiseConsecutive">This many raised check-ins in a row mean pain is rising.</param>
/// <param name="LateEntryDays">How many days back a forgotten session may still be logged.</param>
/// <param name="MaxMedicalPauseDays">A medical pause freezes the streak for at most this many days.</param>
/// <param name="WeeksPerEarnedFreeze">Consecutive weeks kept that earn one streak freeze.</param>
/// <param name="MaxFreezes">Most streak freezes a person can hold at once.</param>
[GenerateSerializer, Immutable, Alias("wp.PlanSettings")]
public sealed record PlanSettings(
    [property: Id(0)] IReadOnlyList<int> PhaseTargets,
    [property: Id(1)] int WeeksAtTargetToPromote,
    [property: Id(2)] int PainRiseMargin,
    [property: Id(3)] int PainRiseConsecutive,
    [property: Id(4)] int LateEntryDays,
    [property: Id(5)] int MaxMedicalPauseDays,
    [property: Id(6)] int WeeksPerEarnedFreeze,
    [property: Id(7)] int MaxFreezes)
{
    /// <summary>The most raised check-ins in a row a tenant may require; retention keeps this many of a raised run.</summary>
    public const int MaxPainRiseConsecutive = 5;

    public static PlanSettings Default { get; } = new([3, 5, 7], 2, 2, 2, 2, 90, 4, 2);

    public int PhaseCount => PhaseTargets.Count;

    public int TargetFor(int phase) => PhaseTargets[Math.Clamp(phase, 1, PhaseCount) - 1];

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (PhaseTargets.Count is < 2 or > 7
            || PhaseTargets.Any(t => t is < 1 or > 7)
            || PhaseTargets.Zip(PhaseTargets.Skip(1)).Any(p => p.First >= p.Second)
            || PhaseTargets[^1] != 7)
        {
            errors.Add(new FieldError("plan.phaseTargets", "invalid_phases",
                "Phases must rise strictly, from a few sessions a week up to daily (7); for example 3, 5, 7."));
        }
        else if (PhaseTargets[0] > 4)
        {
            errors.Add(new FieldError("plan.phaseTargets", "starts_too_high",
                "The first phase must be a few sessions a week (at most 4); the plan never starts near daily."));
        }

        if (WeeksAtTargetToPromote is < 1 or > 12)
        {
            errors.Add(new FieldError("plan.weeksAtTargetToPromote", "out_of_range", "Must be from 1 to 12 weeks."));
        }

        if (PainRiseMargin is < 1 or > 5)
        {
            errors.Add(new FieldError("plan.painRiseMargin", "out_of_range", "Must be from 1 to 5 points."));
        }

        if (PainRiseConsecutive is < 1 or > MaxPainRiseConsecutive)
        {
            errors.Add(new FieldError("plan.painRiseConsecutive", "out_of_range", $"Must be from 1 to {MaxPainRiseConsecutive} check-ins."));
        }

        if (LateEntryDays is < 0 or > 7)
        {
            errors.Add(new FieldError("plan.lateEntryDays", "out_of_range", "Must be from 0 to 7 days."));
        }

        if (MaxMedicalPauseDays is < 1 or > 90)
        {
            errors.Add(new FieldError("plan.maxMedicalPauseDays", "out_of_range", "Must be from 1 to 90 days."));
        }

        if (WeeksPerEarnedFreeze is < 1 or > 52 || MaxFreezes is < 0 or > 5)
        {
            errors.Add(new FieldError("plan.freezes", "out_of_range", "Earn a freeze every 1–52 weeks and hold at most 0–5."));
        }

        return errors;
    }
}
