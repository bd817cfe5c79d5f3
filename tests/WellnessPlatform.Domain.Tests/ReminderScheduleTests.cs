using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Tests;

/// <summary>The daily reminder's instant in the person's zone: across clock changes, and around quiet hours.</summary>
public sealed class ReminderScheduleTests
{
    private static TimeZoneInfo Zone(string id) => LocalCalendar.TryFindZone(id, out var zone) ? zone : throw new ArgumentException(id);

    private static ReminderSettings At(int hour, int minute, QuietHours? quiet = null) => new("a@example.com", new TimeOnly(hour, minute), quiet, "t");

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    // Berlin, spring forward on 28 March 2027 (02:00 -> 03:00): 02:30 does not exist, the first valid minute after it is 03:00 CEST.
    [InlineData("Europe/Berlin", 2027, 3, 28, 2, 30, 1, 0)]
    // Berlin, fall back on 31 October 2027 (03:00 -> 02:00): 02:30 happens twice, the first is CEST.
    [InlineData("Europe/Berlin", 2027, 10, 31, 2, 30, 0, 30)]
    // Berlin, an ordinary 07:00 in summer and in winter.
    [InlineData("Europe/Berlin", 2027, 3, 27, 7, 0, 6, 0)]
    [InlineData("Europe/Berlin", 2027, 3, 29, 7, 0, 5, 0)]
    // Chicago, spring forward on 14 March 2027: 02:15 becomes 03:00 CDT; fall back on 7 November 2027: 01:30 is the first (CDT).
    [InlineData("America/Chicago", 2027, 3, 14, 2, 15, 8, 0)]
    [InlineData("America/Chicago", 2027, 11, 7, 1, 30, 6, 30)]
    public void A_days_reminder_is_at_the_chosen_local_time_or_the_first_valid_minute_after_it(
        string zone, int year, int month, int day, int hour, int minute, int utcHour, int utcMinute)
    {
        var instant = ReminderSchedule.On(new DateOnly(year, month, day), At(hour, minute), Zone(zone));

        Assert.Equal(Utc(year, month, day, utcHour, utcMinute), instant);
    }

    [Fact]
    public void The_next_reminder_after_a_clock_change_is_23_hours_later_in_spring_and_25_in_autumn()
    {
        var berlin = Zone("Europe/Berlin");
        var settings = At(7, 0);

        var spring = ReminderSchedule.Next(Utc(2027, 3, 27, 6, 0), settings, berlin);
        var autumn = ReminderSchedule.Next(Utc(2027, 10, 30, 5, 0), settings, berlin);

        Assert.Equal(Utc(2027, 3, 28, 5, 0), spring);
        Assert.Equal(Utc(2027, 10, 31, 6, 0), autumn);
    }

    [Theory]
    [InlineData(7, 0, 6, 0, 120, 8, 0)] // 06:00-08:00 quiet: a 07:00 reminder waits for 08:00.
    [InlineData(6, 30, 22, 0, 540, 7, 0)] // 22:00-07:00 quiet, past midnight: 06:30 waits for 07:00.
    [InlineData(9, 0, 22, 0, 540, 9, 0)] // outside the quiet hours: unchanged.
    public void A_reminder_in_quiet_hours_waits_for_their_end(int hour, int minute, int quietHour, int quietMinute, int quietLength, int firesHour, int firesMinute)
    {
        var settings = At(hour, minute, new QuietHours(new TimeOnly(quietHour, quietMinute), quietLength));

        var instant = ReminderSchedule.On(new DateOnly(2027, 1, 12), settings, TimeZoneInfo.Utc);

        Assert.Equal(Utc(2027, 1, 12, firesHour, firesMinute), instant);
    }

    [Fact]
    public void A_reminder_whose_rest_of_the_day_is_quiet_is_not_sent_that_day()
    {
        var settings = At(23, 0, new QuietHours(new TimeOnly(22, 0), 600));

        Assert.Null(ReminderSchedule.On(new DateOnly(2027, 1, 12), settings, TimeZoneInfo.Utc));
    }

    [Fact]
    public void The_due_day_is_the_one_whose_reminder_passed_within_the_allowed_lateness()
    {
        var settings = At(7, 0);

        Assert.NotEqual(new DateOnly(2027, 1, 12), ReminderSchedule.DueDay(Utc(2027, 1, 12, 6, 59), settings, TimeZoneInfo.Utc));
        Assert.Equal(new DateOnly(2027, 1, 12), ReminderSchedule.DueDay(Utc(2027, 1, 12, 7, 1), settings, TimeZoneInfo.Utc));
        Assert.Null(ReminderSchedule.DueDay(Utc(2027, 1, 12, 13, 1), settings, TimeZoneInfo.Utc));
    }
}
