namespace WellnessPlatform.Domain.Privacy;

/// <summary>
/// A tenant's optional differential privacy for published rates. Each rate released for a week and
/// group spends <see cref="EpsilonPerRelease"/> of the tenant's <see cref="Budget"/>; once too little
/// is left, no further rates are released (already released ones stay as they were).
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.DifferentialPrivacySettings")]
public sealed record DifferentialPrivacySettings(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] double EpsilonPerRelease,
    [property: Id(2)] double Budget)
{
    /// <summary>The ledger keeps one entry per release it allows, so budget / epsilon is capped.</summary>
    public const int MaxReleases = 20_000;

    public static DifferentialPrivacySettings Off { get; } = new(false, 0.5, 100);

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (!double.IsFinite(EpsilonPerRelease) || EpsilonPerRelease is < 0.01 or > 5)
        {
            errors.Add(new FieldError("differentialPrivacy.epsilonPerRelease", "out_of_range", "Epsilon per release must be from 0.01 to 5."));
        }

        if (!double.IsFinite(Budget) || Budget <= 0 || Budget > 10_000)
        {
            errors.Add(new FieldError("differentialPrivacy.budget", "out_of_range", "The privacy budget must be above 0 and at most 10000."));
        }
        else if (double.IsFinite(EpsilonPerRelease) && EpsilonPerRelease > 0 && Budget / EpsilonPerRelease > MaxReleases)
        {
            errors.Add(new FieldError("differentialPrivacy.budget", "too_many_releases", $"Budget / epsilon may allow at most {MaxReleases} releases."));
        }

        return errors;
    }
}
