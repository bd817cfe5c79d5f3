namespace WellnessPlatform.Domain.Privacy;

/// <summary>
/// The discrete Laplace (two-sided geometric) distribution: P(k) = (1 − q)/(1 + q) · q^|k| with
/// q = exp(−1/scale). Noise on integer counts with scale Δ/ε gives ε-differential privacy for a count
/// of sensitivity Δ. It is drawn as the difference of two geometric variables, which needs only
/// uniforms and a logarithm; integers avoid the floating-point gaps that let continuous Laplace noise
/// leak the true value.
/// </summary>
public static class DiscreteLaplace
{
    public static long Sample(double scale) => Sample(scale, CryptoUniform.Next);

    public static long Sample(double scale, Func<double> uniform)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        var logQ = -1.0 / scale;
        return Geometric(logQ, uniform) - Geometric(logQ, uniform);
    }

    /// <summary>P(X = k) for the distribution with the given scale.</summary>
    public static double Probability(long k, double scale)
    {
        var q = Math.Exp(-1.0 / scale);
        return (1 - q) / (1 + q) * Math.Pow(q, Math.Abs(k));
    }

    /// <summary>P(X ≤ k) for the distribution with the given scale.</summary>
    public static double Cumulative(long k, double scale)
    {
        var q = Math.Exp(-1.0 / scale);
        return k < 0 ? Math.Pow(q, -k) / (1 + q) : 1 - (Math.Pow(q, k + 1) / (1 + q));
    }

    /// <summary>Failures before the first success, success probability 1 − q: P(G ≥ k) = q^k.</summary>
    private static long Geometric(double logQ, Func<double> uniform) => (long)Math.Floor(Math.Log(uniform()) / logQ);
}
