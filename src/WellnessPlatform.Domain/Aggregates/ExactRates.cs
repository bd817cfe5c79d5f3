namespace WellnessPlatform.Domain.Aggregates;

/// <summary>Rates as they are, rounded for display. Used when the tenant has not switched on differential privacy.</summary>
public sealed class ExactRates : IRatePublisher
{
    public static ExactRates Instance { get; } = new();

    public bool HidesNumerators => false;

    public RateResult Release(RateRequest request) => request.Denominator <= 0
        ? new RateResult(null, false, false)
        : new RateResult(Round(request.Kind, (double)request.Numerator / request.Denominator), false, false);

    internal static double Round(RateKind kind, double value) => kind == RateKind.ShareMeetingTarget
        ? Math.Round(Math.Clamp(value, 0, 1), 3, MidpointRounding.AwayFromZero)
        : Math.Round(Math.Clamp(value, -10, 10), 2, MidpointRounding.AwayFromZero);
}
