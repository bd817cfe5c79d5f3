using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;

namespace WellnessPlatform.Domain.Tests;

/// <summary>"Doctor first, hold until cleared": the care gate without a silo.</summary>
public sealed class CareGateTests
{
    private static readonly DateOnly Monday = new(2026, 11, 30);

    private static ScreeningOutcome Clear() => ScreeningRules.Evaluate(new ScreeningAnswers(3, false, false, []));

    private static ScreeningOutcome RedFlag() => ScreeningRules.Evaluate(new ScreeningAnswers(2, false, false, [Screening.RedFlag.LegNumbnessOrWeakness]));

    [Fact]
    public void Nothing_is_exercised_before_screening()
    {
        var verdict = CareGate.On(Monday, null, [], sessionLogged: false);

        Assert.Equal((RoutineState.NeedsScreening, "screening_required"), (verdict.State, verdict.Code));
        Assert.True(verdict.BlocksSessions);
    }

    [Fact]
    public void A_red_flag_holds_the_routine_until_a_case_worker_clears_it_and_new_answers_do_not_lift_it()
    {
        var pauses = new List<PauseRange>();

        var first = CareGate.Screen(pauses, RedFlag(), Monday);
        var held = CareGate.On(Monday, RedFlag(), pauses, sessionLogged: false);
        var again = CareGate.Screen(pauses, Clear(), Monday.AddDays(1));

        Assert.True(first.Held);
        Assert.Equal(RoutineState.OnHold, held.State);
        Assert.Contains("a red-flag symptom", held.Message, StringComparison.Ordinal);
        Assert.True(again.Held);
        Assert.Contains("case worker", again.Advice, StringComparison.Ordinal);
        Assert.Equal([new PauseRange(Monday, null, PauseKind.ScreeningHold)], pauses);

        Assert.True(CareGate.Clear(pauses, Monday.AddDays(2)));
        Assert.False(CareGate.IsOnHold(pauses));
        Assert.Equal(RoutineState.Ready, CareGate.On(Monday.AddDays(2), RedFlag(), pauses, sessionLogged: false).State);
        Assert.False(CareGate.Clear(pauses, Monday.AddDays(2)));
    }

    [Fact]
    public void A_hold_after_one_cleared_the_same_day_does_not_share_that_day()
    {
        var pauses = new List<PauseRange> { new(Monday.AddDays(-3), Monday, PauseKind.ScreeningHold) };

        CareGate.Screen(pauses, RedFlag(), Monday);

        Assert.Equal([new PauseRange(Monday.AddDays(-3), Monday.AddDays(-1), PauseKind.ScreeningHold), new PauseRange(Monday, null, PauseKind.ScreeningHold)], pauses);
    }

    [Fact]
    public void A_medical_pause_blocks_only_its_own_days_and_a_logged_day_reads_done()
    {
        List<PauseRange> pauses = [new(Monday.AddDays(1), Monday.AddDays(3), PauseKind.Medical)];

        Assert.Equal(RoutineState.Ready, CareGate.On(Monday, Clear(), pauses, sessionLogged: false).State);
        Assert.Equal(RoutineState.DoneToday, CareGate.On(Monday, Clear(), pauses, sessionLogged: true).State);
        Assert.Equal((RoutineState.Paused, "routine_paused"), (CareGate.On(Monday.AddDays(2), Clear(), pauses, false).State, CareGate.On(Monday.AddDays(2), Clear(), pauses, false).Code));
        Assert.Equal(RoutineState.Ready, CareGate.On(Monday.AddDays(4), Clear(), pauses, sessionLogged: false).State);
    }

    [Fact]
    public void Pauses_start_within_their_window_last_at_most_the_plan_maximum_and_end_yesterday_or_vanish()
    {
        var plan = PlanSettings.Default;

        Assert.Empty(MedicalPauses.Validate(Monday.AddDays(-plan.LateEntryDays), Monday.AddDays(10), Monday, plan));
        Assert.Equal(["from"], MedicalPauses.Validate(Monday.AddDays(MedicalPauses.MaxDaysAhead + 1), null, Monday, plan).Select(e => e.Field));
        Assert.Equal(["until"], MedicalPauses.Validate(Monday, Monday.AddDays(plan.MaxMedicalPauseDays), Monday, plan).Select(e => e.Field));
        Assert.Equal(["until"], MedicalPauses.Validate(Monday, Monday.AddDays(-1), Monday, plan).Select(e => e.Field));

        List<PauseRange> underWay = [new(Monday.AddDays(-5), null, PauseKind.Medical)];
        Assert.True(MedicalPauses.End(underWay, Monday));
        Assert.Equal([new PauseRange(Monday.AddDays(-5), Monday.AddDays(-1), PauseKind.Medical)], underWay);

        List<PauseRange> notBegun = [new(Monday.AddDays(2), null, PauseKind.Medical)];
        Assert.True(MedicalPauses.InPlaceFrom(notBegun, Monday));
        Assert.True(MedicalPauses.End(notBegun, Monday));
        Assert.Empty(notBegun);
        Assert.False(MedicalPauses.End(notBegun, Monday));
    }
}
