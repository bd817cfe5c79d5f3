using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Retention;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Grains.Tests.StateBounds;

/// <summary>
/// What grows with time stays at its bound, and nobody can tell: department periods fold once their
/// weeks are released, and a long run of raised pain is not kept whole. It moves the clock by weeks,
/// so it has a cluster of its own.
/// </summary>
public sealed class TimeBoundsGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Weeks_of_raised_pain_keep_only_a_few_scores_before_retention_and_the_episode_steps_back_once()
    {
        using var scope = new TenantScope("raised");
        await fixture.CreateTenantAsync("raised");
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee("raised", "e1"));
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        var enrolled = LocalCalendar.WeekStart(today).AddDays(-84);
        LoggedExercise[] routine = [new(ExerciseCatalog.WallSit, 10, 10, null)];

        // Daily sessions: four weeks at baseline pain (the plan moves up twice), then raised pain every day.
        var days = new HashSet<DateOnly>();
        var pain = new List<PainPoint>();
        var imported = new List<SessionRecord>();
        static int PainOn(DateOnly day, DateOnly enrolled) => day < enrolled.AddDays(28) ? 2 : 6;
        for (var day = enrolled; day < today; day = day.AddDays(1))
        {
            days.Add(day);
            pain.AddRange([new PainPoint(day, PainOn(day, enrolled)), new PainPoint(day, PainOn(day, enrolled))]);
            imported.Add(new SessionRecord($"s{day:yyyyMMdd}", day, day.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc), routine, true, PainOn(day, enrolled), PainOn(day, enrolled)));
        }

        Assert.True((await employee.ImportHistoryAsync(new ImportedHistory(enrolled, new Enrolment("Etc/UTC", "office", []),
            new ScreeningAnswers(2, false, false, []), imported, []))).IsOk);
        for (var i = 0; i < 10; i++)
        {
            today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
            days.Add(today);
            pain.AddRange([new PainPoint(today, 6), new PainPoint(today, 6)]);
            Assert.True((await employee.LogSessionAsync(new LogSession($"s{today:yyyyMMdd}", null, null, routine, 6, 6))).IsOk);
            fixture.Clock.Advance(TimeSpan.FromDays(1));
        }

        var now = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        var progress = (await employee.GetProgressAsync()).Value!;
        var expected = ProgressEngine.Evaluate(new ProgressInput(enrolled, now, days, pain, 2, [], [], PlanSettings.Default));
        Assert.Equal(expected.Phase, progress.Report.Phase);
        Assert.Equal(expected.CurrentStreakDays, progress.Report.CurrentStreakDays);
        Assert.Equal(expected.LongestStreakDays, progress.Report.LongestStreakDays);
        Assert.Equal(expected.PainRising, progress.Report.PainRising);
        Assert.Equal(expected.PhaseChanges, progress.EarlierPhaseChanges.Concat(progress.Report.PhaseChanges));
        Assert.Single(expected.PhaseChanges, c => c.Reason == "pain rising");

        // The raised run reaches back eight weeks, yet only the last scores before the boundary stay raw.
        var boundary = CompactedHistory.BoundaryFor(today, new WellnessGrainOptions().RawHistoryDays);
        var sessions = (await employee.GetSessionsAsync()).Value!;
        Assert.InRange(sessions.Count(s => s.Day < boundary), 1, EmployeeRecord.MaxPainScoresBeforeBoundary);
    }

    [Fact]
    public async Task At_the_cap_periods_in_released_weeks_fold_and_reconciliation_still_matches_the_shards()
    {
        using var scope = new TenantScope("fold");
        await fixture.CreateTenantAsync("fold", "office", "lab");
        var tenant = fixture.Client.GetGrain<ITenantGrain>("fold");
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee("fold", "mover"));
        Assert.True((await employee.EnrolAsync(new Enrolment("Etc/UTC", "office", []))).IsOk);
        Assert.True((await employee.ScreenAsync(new ScreeningAnswers(3, false, false, []))).IsOk);
        for (var i = 1; i < EmployeeRecord.MaxDepartmentPeriods; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromDays(1));
            Assert.True((await employee.MoveToDepartmentAsync(i % 2 == 0 ? "office" : "lab")).IsOk);
        }

        Assert.Equal(EmployeeRecord.MaxDepartmentPeriods, (await employee.ExportAsync()).Value!.Departments.Count);

        // Two weeks on, HR's dashboard releases the weeks all but the last period ended in.
        fixture.Clock.Advance(TimeSpan.FromDays(14));
        Assert.True((await tenant.GetAdherenceAsync(8)).IsOk);
        var releasedThrough = await tenant.GetReleasedThroughAsync();
        Assert.NotNull(releasedThrough);

        Assert.True((await employee.MoveToDepartmentAsync("office")).IsOk);

        var export = (await employee.ExportAsync()).Value!;
        Assert.Equal(["lab", "office"], export.Departments.Select(d => d.Department));
        Assert.Equal([new FoldedMembership("office", 16), new FoldedMembership("lab", 15)], export.EarlierDepartments);
        Assert.Equal("office", (await employee.GetStatusAsync()).Value!.Department);

        // Nothing the tenant counts moved: the person's whole share, folded as the tenant folds released
        // weeks, equals what the shards hold.
        var share = await employee.ReconcileAsync();
        var shards = await Shards.CountersAsync(fixture.Client, "fold");
        Assert.Equal(
            Shards.Sorted(CounterRetention.Apply(share.Counters, releasedThrough)),
            Shards.Sorted(CounterRetention.Apply(shards, releasedThrough)));
        Assert.Equal(EmployeeRecord.MaxDepartmentPeriods + 1, shards.Where(kv => kv.Key.Metric == Metric.Joined).Sum(kv => kv.Value));
    }
}
