using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Domain.Tenants;
using WellnessPlatform.Grains.Employees;

namespace WellnessPlatform.Grains.Tests;

/// <summary>The employee's commands on a plain record: no silo, no storage, one instant.</summary>
public sealed class EmployeeCommandsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static EmployeeState Enrolled() => new()
    {
        Enrolled = true,
        TimeZone = "Etc/UTC",
        EnrolledOn = Today.AddDays(-10),
        Departments = [new DepartmentPeriod("office", Today.AddDays(-10))],
        Plan = PlanSettings.Default,
        ShardCount = 16,
        ContributorToken = Guid.NewGuid(),
    };

    private static LogSession Session(string id) => new(id, null, null, [new LoggedExercise("partial-crunch", 10, 1, null)], null, null);

    [Fact]
    public void Before_screening_a_session_is_refused_and_the_record_is_untouched()
    {
        var record = Enrolled();

        var decision = new EmployeeCommands(record, Now).LogSession(Session("s-1"));

        Assert.Equal("screening_required", decision.Refusal!.Code);
        Assert.Empty(record.Sessions);
    }

    [Fact]
    public void A_held_screening_holds_sessions_until_a_clearance_which_is_recorded_with_its_case_worker()
    {
        var record = Enrolled();
        var commands = new EmployeeCommands(record, Now);

        var screened = commands.Screen(new ScreeningAnswers(8, false, false, []));
        var refused = commands.LogSession(Session("s-1"));
        var cleared = commands.RecordClearance("cw-7");
        var logged = commands.LogSession(Session("s-1"));

        Assert.True(screened.Changed);
        Assert.Equal("routine_on_hold", refused.Refusal!.Code);
        Assert.True(cleared.Changed);
        Assert.Equal(("cw-7", Now), (record.ClearedBy, record.ClearedAt));
        Assert.Null(logged.Refusal);
        Assert.Equal("s-1", Assert.Single(record.Sessions).ClientSessionId);
        Assert.Equal("not_on_hold", commands.RecordClearance("cw-7").Refusal!.Code);
    }

    [Fact]
    public void A_repeated_session_or_check_in_changes_nothing_and_answers_with_the_first()
    {
        var record = Enrolled();
        var commands = new EmployeeCommands(record, Now);
        commands.Screen(new ScreeningAnswers(3, false, false, []));
        commands.LogSession(Session("s-1"));
        commands.CheckInPain(new PainCheckIn("p-1", 4, PainContext.Daily));

        var again = commands.LogSession(Session("s-1"));
        var checkInAgain = commands.CheckInPain(new PainCheckIn("p-1", 9, PainContext.Daily));

        Assert.False(again.Changed);
        Assert.False(checkInAgain.Changed);
        Assert.Equal(4, checkInAgain.Answer!(default!).Pain);
        Assert.Single(record.Sessions);
        Assert.Single(record.CheckIns);
    }

    [Fact]
    public void Invalid_entries_name_their_fields_and_change_nothing()
    {
        var record = Enrolled();
        var commands = new EmployeeCommands(record, Now);

        var pause = commands.StartPause(new PauseRequest(Today.AddDays(30), null));
        var rest = commands.SetRestDays([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday]);
        var restriction = commands.SetRestrictions(["sit-up"]);

        Assert.Equal(OutcomeKind.Invalid, pause.Refusal!.Kind);
        Assert.Equal("from", Assert.Single(pause.Refusal.Errors).Field);
        Assert.Equal("restDays", Assert.Single(rest.Refusal!.Errors).Field);
        Assert.Equal("exerciseIds", Assert.Single(restriction.Refusal!.Errors).Field);
        Assert.Empty(record.Pauses);
        Assert.Empty(record.RestDays);
        Assert.Empty(record.RestrictedExercises);
    }

    [Fact]
    public void Consent_is_written_only_when_it_changes()
    {
        var record = Enrolled();
        var commands = new EmployeeCommands(record, Now);

        Assert.True(commands.SetCaseWorkerConsent(true).Changed);
        Assert.False(commands.SetCaseWorkerConsent(true).Changed);
        Assert.True(record.CaseWorkerConsent);
    }

    [Fact]
    public void Enrolment_starts_the_record_and_a_new_zone_or_a_move_applies_from_today()
    {
        var config = new TenantConfig("Employer", ["office", "plant"], "Etc/UTC", PrivacyThresholds.Default, PlanSettings.Default,
            "https://example.com/report", "https://example.com/comp", TenantConfig.DefaultShards);
        var record = new EmployeeState();
        var commands = new EmployeeCommands(record, Now);

        var first = commands.Enrol(new Enrolment("Europe/Berlin", "office", [DayOfWeek.Sunday]), config, null);
        Assert.Equal(("Europe/Berlin", Today, TenantConfig.DefaultShards), (record.TimeZone, record.EnrolledOn, record.ShardCount));
        var sameZone = commands.Enrol(new Enrolment("Europe/Berlin", "office", [DayOfWeek.Sunday]), config, null);
        var moved = commands.Move("plant", config, null);
        var unknown = commands.Move("moon", config, null);
        var newZone = commands.Enrol(new Enrolment("America/Chicago", "plant", [DayOfWeek.Sunday]), config, null);

        Assert.True(first is { Changed: true, Reschedule: true });
        Assert.False(sameZone.Reschedule);
        Assert.True(moved.Changed);
        Assert.Equal("plant", Assert.Single(record.Departments).Department); // a move on the enrolment day replaces the period
        Assert.Equal("department", Assert.Single(unknown.Refusal!.Errors).Field);
        Assert.True(newZone.Reschedule);
        Assert.Equal("America/Chicago", record.TimeZone);
    }
}
