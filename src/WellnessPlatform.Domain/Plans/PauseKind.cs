namespace WellnessPlatform.Domain.Plans;

/// <summary>Why the routine was paused; either way the streak is frozen, not broken.</summary>
public enum PauseKind
{
    /// <summary>The person paused it, for example after an injury.</summary>
    Medical,

    /// <summary>The screening held the routine until a case worker records clearance.</summary>
    ScreeningHold,
}
