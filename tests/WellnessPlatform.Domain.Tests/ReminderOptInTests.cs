using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Domain.Tests;

/// <summary>The reminder opt-in on the record: bad input names its field and changes nothing; a due reminder is taken once a day.</summary>
public sealed class ReminderOptInTests
{
    private static readonly DateTimeOffset Morning = new(2027, 1, 12, 7, 5, 0, TimeSpan.Zero);

    private static EmployeeRecord Ready()
    {
        var record = new EmployeeRecord
        {
            Enrolled = true,
            EnrolledOn = new DateOnly(2027, 1, 1),
            Departments = [new DepartmentPeriod("office", new DateOnly(2027, 1, 1))],
            ShardCount = 16,
        };
        record.Screen(new ScreeningAnswers(2, false, false, []), Morning.AddDays(-5));
        Assert.Null(record.SetReminders(new ReminderChoice(true, "pat@example.com", "07:00", null, null), "token-1").Refused);
        return record;
    }

    [Theory]
    [InlineData("pat@example.com", "24:00", null, null, "reminderTime")]
    [InlineData("pat@example.com", "7:00", null, null, "reminderTime")]
    [InlineData("pat@example.com", "07:00", "22:00", 1500, "quietHours.minutes")]
    [InlineData("pat@example.com", "07:00", "25:00", 60, "quietHours.start")]
    [InlineData("not an address", "07:00", null, null, "email")]
    [InlineData("a@b@example.com", "07:00", null, null, "email")]
    public void Bad_input_is_refused_naming_the_field_and_nothing_changes(string email, string time, string? quietStart, int? quietMinutes, string field)
    {
        var record = Ready();
        var before = record.Reminders;

        var decision = record.SetReminders(new ReminderChoice(true, email, time, quietStart, quietMinutes), "token-2");

        Assert.Contains(decision.Refused!.Errors, e => e.Field == field);
        Assert.Same(before, record.Reminders);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("")]
    public void An_unknown_zone_is_refused_naming_the_field_and_nothing_changes(string zone)
    {
        var record = Ready();
        var before = record.Reminders;

        var decision = record.SetReminders(new ReminderChoice(true, "pat@example.com", "07:00", null, null, TimeZone: zone), "token-2");
        var off = record.SetReminders(new ReminderChoice(false, null, null, null, null, TimeZone: zone), "token-3");

        Assert.Contains(decision.Refused!.Errors, e => e.Field == "timeZone");
        Assert.Contains(off.Refused!.Errors, e => e.Field == "timeZone");
        Assert.Same(before, record.Reminders);
    }

    [Fact]
    public void A_zone_chosen_for_the_reminder_sets_its_times_and_the_person_keeps_their_own_days()
    {
        var record = Ready();

        Assert.Null(record.SetReminders(new ReminderChoice(true, "pat@example.com", "07:00", null, null, TimeZone: "America/Chicago"), "token-2").Refused);

        // 07:00 in Chicago (UTC-6 in January) is 13:00 UTC: not due at 07:05 UTC, due at 13:05.
        Assert.Equal("America/Chicago", record.ReminderZone.Id);
        Assert.Null(record.TakeReminder(Morning).Value);
        Assert.Equal(new DateOnly(2027, 1, 12), record.TakeReminder(Morning.AddHours(6)).Value);
    }

    [Fact]
    public void A_due_reminder_is_taken_once_per_day()
    {
        var record = Ready();

        var first = record.TakeReminder(Morning);
        var again = record.TakeReminder(Morning.AddMinutes(1));
        var tomorrow = record.TakeReminder(Morning.AddDays(1));

        Assert.Equal(new DateOnly(2027, 1, 12), first.Value);
        Assert.True(first.Changed);
        Assert.Null(again.Value);
        Assert.False(again.Changed);
        Assert.Equal(new DateOnly(2027, 1, 13), tomorrow.Value);
    }

    [Fact]
    public void No_reminder_during_a_pause_on_a_rest_day_or_once_the_session_is_done()
    {
        var paused = Ready();
        Assert.Null(paused.StartPause(null, null, Morning).Refused);
        var rest = Ready();
        rest.RestDays.Add(new RestDayRule(new DateOnly(2027, 1, 11), [DayOfWeek.Tuesday]));
        var done = Ready();
        Assert.Null(done.LogSession(new SessionEntry("s-1", null, null, [new LoggedExercise("partial-crunch", 10, 1, null)], null, null), Morning).Refused);

        Assert.Null(paused.TakeReminder(Morning).Value);
        Assert.Null(rest.TakeReminder(Morning).Value);
        Assert.Null(done.TakeReminder(Morning).Value);
    }

    [Fact]
    public void No_reminder_while_held_and_none_once_off()
    {
        var held = Ready();
        held.Screen(new ScreeningAnswers(8, false, false, []), Morning.AddHours(-1));
        var off = Ready();
        off.SetReminders(new ReminderChoice(false, null, null, null, null), "unused");

        Assert.True(held.OnHold);
        Assert.Null(held.TakeReminder(Morning).Value);
        Assert.Null(off.TakeReminder(Morning).Value);
        Assert.Null(off.Reminders);
    }

    [Fact]
    public void Only_the_last_issued_unsubscribe_secret_turns_the_reminder_off()
    {
        var record = Ready();
        record.SetReminders(new ReminderChoice(true, "pat@example.com", "08:00", null, null), "token-2");

        Assert.Equal("unsubscribe_not_found", record.Unsubscribe("token-1").Refused!.Code);
        Assert.NotNull(record.Reminders);
        Assert.True(record.Unsubscribe("token-2").Changed);
        Assert.Null(record.Reminders);
    }
}
