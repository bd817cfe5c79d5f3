using WellnessPlatform.Domain.Screening;

namespace WellnessPlatform.Domain.Tests;

public sealed class ScreeningTests
{
    private static ScreeningAnswers Answers(int pain = 3, bool workRelated = false, bool recentInjury = false, params RedFlag[] flags) =>
        new(pain, workRelated, recentInjury, flags);

    [Fact]
    public void Moderate_pain_without_red_flags_may_start()
    {
        var outcome = ScreeningRules.Evaluate(Answers(pain: 6));

        Assert.False(outcome.Held);
        Assert.Empty(outcome.Reasons);
    }

    [Fact]
    public void Pain_of_seven_or_more_holds_the_routine()
    {
        Assert.Equal([HoldReason.SeverePain], ScreeningRules.Evaluate(Answers(pain: 7)).Reasons);
    }

    [Theory]
    [InlineData(RedFlag.LegNumbnessOrWeakness)]
    [InlineData(RedFlag.BladderOrBowelControlLoss)]
    [InlineData(RedFlag.GroinNumbness)]
    [InlineData(RedFlag.FeverOrUnexplainedWeightLoss)]
    [InlineData(RedFlag.PainAfterFallOrBlow)]
    [InlineData(RedFlag.WorseAtNightOrAtRest)]
    public void Any_red_flag_holds_the_routine(RedFlag flag)
    {
        var outcome = ScreeningRules.Evaluate(Answers(pain: 2, flags: flag));

        Assert.True(outcome.Held);
        Assert.Contains(HoldReason.RedFlag, outcome.Reasons);
    }

    [Fact]
    public void A_recent_injury_holds_the_routine()
    {
        Assert.Equal([HoldReason.RecentInjury], ScreeningRules.Evaluate(Answers(recentInjury: true)).Reasons);
    }

    [Fact]
    public void Work_related_pain_points_to_the_incident_report_without_holding()
    {
        var outcome = ScreeningRules.Evaluate(Answers(workRelated: true));

        Assert.False(outcome.Held);
        Assert.True(outcome.SuggestIncidentReport);
        Assert.Contains("report the incident", outcome.Advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Pain_outside_zero_to_ten_is_refused(int pain)
    {
        Assert.Equal("painIntensity", Assert.Single(ScreeningRules.Validate(Answers(pain: pain))).Field);
    }

    [Fact]
    public void Every_red_flag_may_be_listed_once_and_no_more_is_stored()
    {
        var all = Enum.GetValues<RedFlag>();
        Assert.Equal(ScreeningRules.MaxRedFlags, all.Length);
        Assert.Empty(ScreeningRules.Validate(Answers(flags: all)));

        var error = Assert.Single(ScreeningRules.Validate(Answers(flags: [.. all, RedFlag.GroinNumbness])));
        Assert.Equal(("redFlags", "too_many"), (error.Field, error.Code));
    }
}
