using WellnessPlatform.Domain.Privacy;

namespace WellnessPlatform.Domain.Tests;

/// <summary>
/// The sampler against its exact distribution over many draws from the cryptographic source. Tolerances
/// are many standard errors wide: by the Dvoretzky–Kiefer–Wolfowitz inequality the CDF check fails by
/// chance with probability below 2·exp(−2·n·0.01²) ≈ 4e−18 for n = 200,000.
/// </summary>
public sealed class DiscreteLaplaceTests
{
    private const int Draws = 200_000;

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(20.0)]
    public void Draws_follow_the_two_sided_geometric_distribution(double scale)
    {
        var samples = new long[Draws];
        for (var i = 0; i < Draws; i++)
        {
            samples[i] = DiscreteLaplace.Sample(scale);
        }

        // Kolmogorov–Smirnov distance between the empirical and the exact CDF, over the whole support seen.
        Array.Sort(samples);
        var maxGap = 0.0;
        var index = 0;
        for (var k = samples[0]; k <= samples[^1]; k++)
        {
            while (index < Draws && samples[index] <= k)
            {
                index++;
            }

            maxGap = Math.Max(maxGap, Math.Abs(((double)index / Draws) - DiscreteLaplace.Cumulative(k, scale)));
        }

        Assert.True(maxGap < 0.01, $"KS distance {maxGap:0.0000}");

        var q = Math.Exp(-1 / scale);
        var variance = 2 * q / ((1 - q) * (1 - q));
        var mean = samples.Average(s => (double)s);
        var sampleVariance = samples.Average(s => (s - mean) * (s - mean));
        Assert.True(Math.Abs(mean) < 8 * Math.Sqrt(variance / Draws), $"mean {mean}");
        Assert.InRange(sampleVariance / variance, 0.95, 1.05);
        Assert.InRange(samples.Count(s => s == 0) / (double)Draws, DiscreteLaplace.Probability(0, scale) - 0.01, DiscreteLaplace.Probability(0, scale) + 0.01);
    }

    [Fact]
    public void Uniforms_are_in_the_half_open_unit_interval_and_differ()
    {
        var draws = Enumerable.Range(0, 10_000).Select(_ => CryptoUniform.Next()).ToList();

        Assert.All(draws, u => Assert.InRange(u, double.Epsilon, 1.0));
        Assert.Equal(draws.Count, draws.Distinct().Count());
        Assert.InRange(draws.Average(), 0.49, 0.51);
    }
}
