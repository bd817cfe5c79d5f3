using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Privacy;

namespace WellnessPlatform.Domain.Tests;

public sealed class NoisyRatesTests
{
    private static readonly RateRequest Share = new("2026-W10", "ops", RateKind.ShareMeetingTarget, 12, 20);

    [Fact]
    public void Each_release_spends_epsilon_and_when_the_budget_is_spent_rates_are_withheld_not_redrawn()
    {
        var budget = new PrivacyBudget();
        var rates = new NoisyRates(new DifferentialPrivacySettings(true, 0.5, 1.2), budget);

        var first = rates.Release(Share);
        var second = rates.Release(Share with { Group = "plant" });
        var third = rates.Release(Share with { Group = "lab" });

        Assert.True(first.Noised && second.Noised);
        Assert.InRange(first.Value!.Value, 0, 1);
        Assert.Equal(new RateResult(null, false, true), third);
        Assert.Equal(1.0, budget.Spent, 9);
        Assert.Equal(2, budget.Releases);
        Assert.Equal(1, rates.Withheld);
    }

    [Fact]
    public void Noise_is_added_to_the_numerator_with_the_sensitivity_over_epsilon_as_scale()
    {
        var scales = new List<double>();
        var rates = new NoisyRates(new DifferentialPrivacySettings(true, 0.5, 10), new PrivacyBudget(), s => { scales.Add(s); return 2; });

        Assert.Equal(0.7, rates.Release(Share).Value);
        Assert.Equal(-0.36, rates.Release(new RateRequest("2026-W10", "ops", RateKind.AveragePainChange, -10, 20)).Value); // (−10 + 2) / (20 + 2), rounded
        Assert.Equal([2.0, 40.0, 4.0], scales); // share: 1/ε; pain: 10/(ε/2) on the sum and 1/(ε/2) on the count
    }

    [Fact]
    public void Settings_name_the_field_at_fault()
    {
        Assert.Empty(new DifferentialPrivacySettings(true, 0.5, 100).Validate());
        Assert.Equal(["differentialPrivacy.epsilonPerRelease"], new DifferentialPrivacySettings(true, 0, 100).Validate().Select(e => e.Field));
        Assert.Equal(["differentialPrivacy.budget"], new DifferentialPrivacySettings(true, 0.01, 1000).Validate().Select(e => e.Field));
        Assert.Equal(["differentialPrivacy.budget"], new DifferentialPrivacySettings(true, 1, double.NaN).Validate().Select(e => e.Field));
    }
}
