namespace WellnessPlatform.Domain.Aggregates;

/// <summary>Decides the published value of each rate: exact, or with calibrated noise under a privacy budget.</summary>
public interface IRatePublisher
{
    /// <summary>
    /// True when rates are noised: the exact counts they are computed from (people meeting target)
    /// must then stay unpublished, or the exact rate could be recomputed from them.
    /// </summary>
    bool HidesNumerators { get; }

    RateResult Release(RateRequest request);
}
