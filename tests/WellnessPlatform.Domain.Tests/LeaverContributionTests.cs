using WellnessPlatform.Domain.Aggregates;
using static System.DayOfWeek;

namespace WellnessPlatform.Domain.Tests;

/// <summary>Someone leaving the programme (withdrawal or erasure) ends their share as a department move out would.</summary>
public sealed class LeaverContributionTests
{
    [Fact]
    public void A_leaver_keeps_past_activity_leaves_the_department_this_week_and_drops_the_standing_screening_count()
    {
        var history = new History().Sessions(1, Monday, Wednesday);
        var today = History.Week(2, Tuesday);
        var report = history.On(today);
        var share = Contribution.Compute(new ContributionInput(report, report.Weeks.ToDictionary(w => w.Monday, w => w.DaysDone), [],
            history.Baseline, [new DepartmentPeriod("office", History.Monday1)], ScreeningHeld: false));

        var left = Contribution.Leave(share, "office", today);

        Assert.Equal(1, left[new CellKey("2026-W42", "office", Metric.Left)]);
        Assert.Equal(1, left[new CellKey("2026-W41", "office", Metric.Joined)]);
        Assert.Equal(2, left[new CellKey("2026-W41", "office", Metric.Sessions)]);
        Assert.DoesNotContain(left.Keys, k => k.Metric is Metric.ScreenedClear or Metric.ScreenedHeld);

        // As a correction: exactly one leave and the screening count withdrawn, nothing else moves.
        var (delta, _) = Contribution.Diff(share, left, DateOnly.MinValue, DateOnly.MinValue);
        Assert.Equal(2, delta.Count);
        Assert.Equal(1, delta[new CellKey("2026-W42", "office", Metric.Left)]);
        Assert.Equal(-1, delta[new CellKey(string.Empty, "office", Metric.ScreenedClear)]);
    }
}
