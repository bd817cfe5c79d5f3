using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Grains.Tests;

/// <summary>
/// Retention compacts old raw history. It moves the clock, so it has a cluster of its own, and it shares
/// a collection with the other test that reads the process-wide meters, so their counts do not mix.
/// </summary>
[Collection(MeteredCollection.Name)]
public sealed class RetentionGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task After_two_months_only_recent_sessions_stay_raw_and_streaks_match_a_replay_of_the_whole_history()
    {
        using var scope = new TenantScope("retain");
        await fixture.CreateTenantAsync("retain");
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee("retain", "e1"));
        var start = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        var enrolled = start.AddDays(-49);
        LoggedExercise[] routine = [new(ExerciseCatalog.WallSit, 10, 10, null)];

        // Five days a week for nine weeks, with pain before and after, raised for a week in week 6:
        // seven weeks brought in at once (one compaction), then two weeks logged day by day (two more).
        var days = new HashSet<DateOnly>();
        var pain = new List<PainPoint>();
        var imported = new List<SessionRecord>();
        for (var i = 0; i < 63; i++)
        {
            var day = enrolled.AddDays(i);
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var (before, after) = i is >= 35 and < 40 ? (6, 6) : (3, 2);
            days.Add(day);
            pain.Add(new PainPoint(day, before));
            pain.Add(new PainPoint(day, after));
            if (day < start)
            {
                imported.Add(new SessionRecord($"s{i}", day, day.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc), routine, true, before, after));
            }
        }

        var import = await employee.ImportHistoryAsync(new ImportedHistory(enrolled, new Enrolment("Etc/UTC", "office", []),
            new ScreeningAnswers(3, false, false, []), imported, []));
        Assert.True(import.IsOk);
        for (var day = start; day < enrolled.AddDays(63); day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                var i = day.DayNumber - enrolled.DayNumber;
                var (before, after) = i is >= 35 and < 40 ? (6, 6) : (3, 2);
                Assert.True((await employee.LogSessionAsync(new LogSession($"s{i}", null, null, routine, before, after))).IsOk);
            }

            fixture.Clock.Advance(TimeSpan.FromDays(1));
        }

        var now = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        var progress = (await employee.GetProgressAsync()).Value!;
        var expected = ProgressEngine.Evaluate(new ProgressInput(enrolled, now, days, pain, 3, [], [], PlanSettings.Default));
        Assert.Equal(expected.Phase, progress.Report.Phase);
        Assert.Equal(expected.CurrentStreakDays, progress.Report.CurrentStreakDays);
        Assert.Equal(expected.LongestStreakDays, progress.Report.LongestStreakDays);
        Assert.Equal(expected.FreezesAvailable, progress.Report.FreezesAvailable);
        Assert.Contains(expected.PhaseChanges, c => c.Reason == "pain rising"); // the episode happened, and was counted once
        Assert.Equal(expected.PhaseChanges, progress.EarlierPhaseChanges.Concat(progress.Report.PhaseChanges));

        // Raw sessions are kept for at least the retention period and less than a week beyond it; the
        // compacted weeks carry the rest, and the calendar still shows every day done.
        var sessions = (await employee.GetSessionsAsync()).Value!;
        Assert.InRange(sessions.Min(s => s.Day), now.AddDays(-13), now.AddDays(-7));
        Assert.True(progress.EarlierWeeks.Count >= 7);
        Assert.Equal(days.Count - sessions.Count, progress.EarlierWeeks.Sum(w => w.Sessions));
        Assert.Equal(days.Where(d => d >= now.AddDays(-119)).Order(), progress.SessionDays);

        // Pain given with a session is shown as before and after scores, as it always was.
        Assert.Contains(progress.PainTrend, p => p.ClientCheckInId == $"{sessions[0].ClientSessionId}:after" && p.Context == PainContext.AfterSession);
    }
}
