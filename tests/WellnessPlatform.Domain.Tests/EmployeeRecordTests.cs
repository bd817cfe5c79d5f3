using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Domain.Tenants;

namespace WellnessPlatform.Domain.Tests;

/// <summary>The employee's record deciding its own commands: no silo, no storage, one instant.</summary>
public sealed class EmployeeRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static EmployeeRecord Enrolled() => new()
    {
        Enrolled = true,
        TimeZone = "Etc/UTC",
        EnrolledOn = Today.AddDays(-10),
        Departments = [new DepartmentPeriod("office", Today.AddDays(-10))],
        Plan = PlanSettings.Default,
        ShardCount = 16,
        ContributorToken = Guid.NewGuid(),
    };

    private static SessionEntry Session(string id) => new(id, null, null, [new LoggedExercise("partial-crunch", 10, 1, null)], null, null);

    [Fact]
    public void Before_screening_a_session_is_refused_and_the_record_is_untouched()
    {
        var record = Enrolled();

        var decision = record.LogSession(Session("s-1"), Now);

        Assert.Equal("screening_required", decision.Refused!.Code);
        Assert.Empty(record.Sessions);
    }

    [Fact]
    public void A_held_screening_holds_sessions_until_a_clearance_which_is_recorded_with_its_case_worker()
    {
        var record = Enrolled();
        
        var screened = record.Screen(new ScreeningAnswers(8, false, false, []), Now);
        var refused = record.LogSession(Session("s-1"), Now);
        var cleared = record.RecordClearance("cw-7", Now);
        var logged = record.LogSession(Session("s-1"), Now);

        Assert.True(screened.Changed);
        Assert.Equal("routine_on_hold", refused.Refused!.Code);
        Assert.True(cleared.Changed);
        Assert.Equal(("cw-7", Now), (record.ClearedBy, record.ClearedAt));
        Assert.Null(logged.Refused);
        Assert.Equal("s-1", Assert.Single(record.Sessions).ClientSessionId);
        Assert.Equal("not_on_hold", record.RecordClearance("cw-7", Now).Refused!.Code);
    }

    [Fact]
    public void A_repeated_session_or_check_in_changes_nothing_and_answers_with_the_first()
    {
        var record = Enrolled();
                _ = record.Screen(new ScreeningAnswers(3, false, false, []), Now);
        _ = record.LogSession(Session("s-1"), Now);
        _ = record.CheckInPain("p-1", 4, PainContext.Daily, Now);

        var again = record.LogSession(Session("s-1"), Now);
        var checkInAgain = record.CheckInPain("p-1", 9, PainContext.Daily, Now);

        Assert.False(again.Changed);
        Assert.False(checkInAgain.Changed);
        Assert.Equal(4, checkInAgain.Value!.Pain);
        Assert.Single(record.Sessions);
        Assert.Single(record.CheckIns);
    }

    [Fact]
    public void Invalid_entries_name_their_fields_and_change_nothing()
    {
        var record = Enrolled();
        
        var pause = record.StartPause(Today.AddDays(30), null, Now);
        var rest = record.SetRestDays([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday], Now);
        var restriction = record.SetRestrictions(["sit-up"]);

        Assert.Equal(RefusalKind.Invalid, pause.Refused!.Kind);
        Assert.Equal("from", Assert.Single(pause.Refused.Errors).Field);
        Assert.Equal("restDays", Assert.Single(rest.Refused!.Errors).Field);
        Assert.Equal("exerciseIds", Assert.Single(restriction.Refused!.Errors).Field);
        Assert.Empty(record.Pauses);
        Assert.Empty(record.RestDays);
        Assert.Empty(record.RestrictedExercises);
    }

    [Fact]
    public void Consent_is_written_only_when_it_changes()
    {
        var record = Enrolled();
        
        Assert.True(record.SetCaseWorkerConsent(true).Changed);
        Assert.False(record.SetCaseWorkerConsent(true).Changed);
        Assert.True(record.CaseWorkerConsent);
    }

    [Fact]
    public void Enrolment_starts_the_record_and_a_new_zone_or_a_move_applies_from_today()
    {
        var config = new TenantConfig("Employer", ["office", "plant"], "Etc/UTC", PrivacyThresholds.Default, PlanSettings.Default,
            "https://example.com/report", "https://example.com/comp", TenantConfig.DefaultShards);
        var record = new EmployeeRecord();
        
        var first = record.Enrol(new EmployeeProfile("Europe/Berlin", "office", [DayOfWeek.Sunday]), config, null, Now);
        Assert.Equal(("Europe/Berlin", Today, TenantConfig.DefaultShards), (record.TimeZone, record.EnrolledOn, record.ShardCount));
        var sameZone = record.Enrol(new EmployeeProfile("Europe/Berlin", "office", [DayOfWeek.Sunday]), config, null, Now);
        var moved = record.Move("plant", config, null, Now);
        var unknown = record.Move("moon", config, null, Now);
        var newZone = record.Enrol(new EmployeeProfile("America/Chicago", "plant", [DayOfWeek.Sunday]), config, null, Now);

        Assert.True(first is { Changed: true, Reschedule: true });
        Assert.False(sameZone.Reschedule);
        Assert.True(moved.Changed);
        Assert.Equal("plant", Assert.Single(record.Departments).Department); // a move on the enrolment day replaces the period
        Assert.Equal("department", Assert.Single(unknown.Refused!.Errors).Field);
        Assert.True(newZone.Reschedule);
        Assert.Equal("America/Chicago", record.TimeZone);
    }
}
