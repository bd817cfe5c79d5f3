using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Domain.Privacy;

/// <summary>
/// Publishes rates with discrete Laplace noise on their numerators (and, for pain, on the count too),
/// spending epsilon per release from the tenant's ledger. When the budget is spent the rate is
/// withheld: never a fresh draw that could be averaged with earlier ones.
/// </summary>
/// <remarks>
/// Sensitivities: one person changes the count meeting target by 1, a pain-change sum by at most 10
/// (pain is 0–10) and the check-in count by 1. Pain splits its epsilon between sum and count.
/// </remarks>
public sealed class NoisyRates(DifferentialPrivacySettings settings, PrivacyBudget budget, Func<double, long>? sampler = null) : IRatePublisher
{
    public const int PainSensitivity = 10;

    private readonly Func<double, long> _sample = sampler ?? DiscreteLaplace.Sample;

    public bool HidesNumerators => true;

    /// <summary>Rates this publisher could not release because the budget was spent.</summary>
    public int Withheld { get; private set; }

    public RateResult Release(RateRequest request)
    {
        if (request.Denominator <= 0)
        {
            return new RateResult(null, false, false);
        }

        if (!budget.TrySpend(settings.EpsilonPerRelease, settings.Budget))
        {
            Withheld++;
            return new RateResult(null, false, true);
        }

        var epsilon = settings.EpsilonPerRelease;
        double value;
        if (request.Kind == RateKind.ShareMeetingTarget)
        {
            // The denominator (enrolment) is a published participation count; only the numerator is private.
            value = (double)(request.Numerator + _sample(1 / epsilon)) / request.Denominator;
        }
        else
        {
            var sum = request.Numerator + _sample(PainSensitivity / (epsilon / 2));
            var count = request.Denominator + _sample(1 / (epsilon / 2));
            value = (double)sum / Math.Max(1, count);
        }

        return new RateResult(ExactRates.Round(request.Kind, value), true, false);
    }
}
