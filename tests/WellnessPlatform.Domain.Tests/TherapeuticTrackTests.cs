using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Domain.Time;
using static System.DayOfWeek;

namespace WellnessPlatform.Domain.Tests;

/// <summary>
/// The clinician-directed track on the record: who moved the person and on whose direction, treatment
/// tallied for the case, and kept out of the employer's wellness figures (OSHA recordability).
/// </summary>
public sealed class TherapeuticTrackTests
{
    // A Wednesday: Monday of the same week is within the late-entry window.
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly DateOnly ThisMonday = LocalCalendar.WeekStart(Today);

    private static EmployeeRecord Screened()
    {
        var record = new EmployeeRecord
        {
            Enrolled = true,
            TimeZone = "Etc/UTC",
            EnrolledOn = Today.AddDays(-30),
            Departments = [new DepartmentPeriod("office", Today.AddDays(-30))],
            Plan = PlanSettings.Default,
            ShardCount = 16,
            ContributorToken = Guid.NewGuid(),
        };
        Assert.True(record.Screen(new ScreeningAnswers(3, true, false, []), Now.AddDays(-30)).Changed);
        return record;
    }

    private static SessionEntry Session(string id, DateOnly? day = null) =>
        new(id, day, null, [new LoggedExercise("partial-crunch", 10, 1, null)], null, null);

    private static Dictionary<CellKey, long> Share(EmployeeRecord record) =>
        EmployeeProgress.Contribution(record, EmployeeProgress.Evaluate(record, Today), Today);

    [Fact]
    public void Everyone_starts_on_wellness_and_a_case_worker_moves_a_person_to_the_clinician_directed_track_recording_who_directed_it()
    {
        var record = Screened();
        Assert.Equal(CareTrack.Wellness, record.CurrentTrack);

        var moved = record.MoveToTherapeutic("case-1", "  Dr. Rivera, occupational physician ", "cw-7", Now);

        Assert.True(moved.Changed);
        Assert.Equal(CareTrack.Therapeutic, record.CurrentTrack);
        Assert.Equal(new TrackPeriod(Today, null, "case-1", "Dr. Rivera, occupational physician", "cw-7", Now), Assert.Single(record.Tracks));
    }

    [Theory]
    [InlineData(null, "case-1", "directedBy", "required")]
    [InlineData("  ", "case-1", "directedBy", "required")]
    [InlineData("Dr. Rivera", "", "incidentId", "required")]
    public void A_move_without_a_directing_clinician_or_a_case_is_refused_naming_the_field_and_changes_nothing(string? directedBy, string incidentId, string field, string code)
    {
        var record = Screened();

        var refused = record.MoveToTherapeutic(incidentId, directedBy, "cw-7", Now);

        var error = Assert.Single(refused.Refused!.Errors);
        Assert.Equal((field, code), (error.Field, error.Code));
        Assert.Empty(record.Tracks);
        Assert.Equal("too_long", record.MoveToTherapeutic("case-1", new string('x', EmployeeRecord.MaxDirectedByLength + 1), "cw-7", Now).Refused!.Errors[0].Code);
    }

    [Fact]
    public void A_session_on_the_therapeutic_track_is_tallied_as_treatment_and_its_week_is_left_out_of_the_wellness_share()
    {
        var record = Screened();
        Assert.Null(record.LogSession(Session("s-mon", ThisMonday), Now).Refused);
        var week = LocalCalendar.IsoWeek(ThisMonday);
        Assert.Equal(1, Share(record)[new CellKey(week, "office", Metric.Active)]);

        record.MoveToTherapeutic("case-1", "Dr. Rivera", "cw-7", Now);
        Assert.Null(record.LogSession(Session("s-wed"), Now).Refused);
        var share = Share(record);

        var period = Assert.Single(record.Tracks);
        Assert.Equal((1, (DateOnly?)Today), (period.TreatmentSessions, period.LastTreatmentOn));
        Assert.DoesNotContain(share.Keys, k => k.Week == week && k.Metric is Metric.Active or Metric.Sessions or Metric.StreakWeeks or Metric.MetTarget or Metric.PainChangeCount);
        Assert.Contains(share.Keys, k => k.Metric == Metric.Joined); // still enrolled: only the exercise is treatment
        Assert.Equal(2, record.Sessions.Count); // recorded on the person all the same
    }

    [Fact]
    public void A_retried_session_is_tallied_once()
    {
        var record = Screened();
        record.MoveToTherapeutic("case-1", "Dr. Rivera", "cw-7", Now);

        record.LogSession(Session("s-1"), Now);
        record.LogSession(Session("s-1"), Now);

        Assert.Equal(1, record.Tracks[0].TreatmentSessions);
    }

    [Fact]
    public void Back_on_wellness_from_tomorrow_today_stays_treatment_and_a_second_move_on_the_same_day_starts_tomorrow()
    {
        var record = Screened();
        record.MoveToTherapeutic("case-1", "Dr. Rivera", "cw-7", Now);

        var back = record.ReturnToWellness("cw-8", Now);
        Assert.True(back.Changed);
        Assert.Equal(CareTrack.Wellness, record.CurrentTrack);
        Assert.Equal((Today, (DateOnly?)Today, "cw-8"), (record.Tracks[0].From, record.Tracks[0].Until, record.Tracks[0].EndedBy));
        Assert.Equal("not_therapeutic", record.ReturnToWellness("cw-8", Now).Refused!.Code);

        record.MoveToTherapeutic("case-1", "Dr. Rivera", "cw-7", Now);
        Assert.Equal(Today.AddDays(1), record.Tracks[1].From);
        record.ReturnToWellness("cw-8", Now);
        Assert.Single(record.Tracks); // the stretch that never began is gone
    }

    [Fact]
    public void A_closed_case_ends_only_its_own_stretch()
    {
        var record = Screened();
        record.MoveToTherapeutic("case-1", "Dr. Rivera", "cw-7", Now);

        Assert.False(record.ReturnToWellness("cw-8", Now, forIncident: "case-2").Changed);
        Assert.Equal(CareTrack.Therapeutic, record.CurrentTrack);
        Assert.True(record.ReturnToWellness("cw-8", Now, forIncident: "case-1").Changed);
        Assert.Equal(CareTrack.Wellness, record.CurrentTrack);
        Assert.Null(record.ReturnToWellness("cw-8", Now, forIncident: "case-1").Refused);
    }

    [Fact]
    public void A_repeated_move_changes_nothing_and_another_case_waits_until_the_person_is_back_on_wellness()
    {
        var record = Screened();
        record.MoveToTherapeutic("case-1", "Dr. Rivera", "cw-7", Now);

        Assert.False(record.MoveToTherapeutic("case-1", "Dr. Rivera", "cw-7", Now).Changed);
        Assert.Equal("already_therapeutic", record.MoveToTherapeutic("case-2", "Dr. Rivera", "cw-7", Now).Refused!.Code);
        Assert.Single(record.Tracks);
    }

    [Fact]
    public void Stretches_are_bounded()
    {
        var record = Screened();
        for (var i = 0; i < EmployeeRecord.MaxTrackPeriods; i++)
        {
            record.Tracks.Add(new TrackPeriod(Today.AddDays(-100 + i), Today.AddDays(-100 + i), $"case-{i}", "Dr. Rivera", "cw-7", Now));
        }

        Assert.Equal("too_many_track_moves", record.MoveToTherapeutic("case-x", "Dr. Rivera", "cw-7", Now).Refused!.Code);
    }

    [Fact]
    public void After_treatment_the_weeks_count_again_and_the_streak_hr_sees_restarts_the_day_after_it_ended()
    {
        var history = new History().EveryDay(History.Week(1, Monday), History.Week(4, Sunday));
        var today = History.Week(5, Monday);
        var report = history.On(today);
        var sessions = report.Weeks.ToDictionary(w => w.Monday, w => w.DaysDone);
        var treatment = new TrackPeriod(History.Week(3, Monday), History.Week(3, Sunday), "case-1", "Dr. Rivera", "cw-7", Now);

        var wellness = Contribution.Compute(new ContributionInput(report, sessions, [], 4, [new DepartmentPeriod("office", History.Monday1)], false));
        var kept = Contribution.Compute(new ContributionInput(report, sessions, [], 4, [new DepartmentPeriod("office", History.Monday1)], false, [treatment], today));

        var (week3, week4) = (LocalCalendar.IsoWeek(History.Week(3, Monday)), LocalCalendar.IsoWeek(History.Week(4, Monday)));
        Assert.Equal(1, wellness[new CellKey(week3, "office", Metric.Active)]);
        Assert.DoesNotContain(kept.Keys, k => k.Week == week3);
        Assert.Equal(1, kept[new CellKey(week4, "office", Metric.Active)]);
        var streakWeeks = report.Weeks[3].StreakDaysAtEnd / 7;
        Assert.True(streakWeeks > 1, $"{streakWeeks}");
        Assert.Equal(1, wellness[new CellKey(week4, "office", Metric.StreakWeeks, streakWeeks)]);
        Assert.Equal(1, kept[new CellKey(week4, "office", Metric.StreakWeeks, 1)]);
    }
}
