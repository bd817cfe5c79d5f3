using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Tests;

public sealed class LocalCalendarTests
{
    private static TimeZoneInfo Zone(string id) => LocalCalendar.TryFindZone(id, out var zone) ? zone : throw new InvalidOperationException(id);

    [Fact]
    public void A_session_counts_for_the_local_day_not_the_servers()
    {
        var instant = new DateTimeOffset(2026, 11, 25, 12, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 26), LocalCalendar.LocalDay(instant, Zone("Pacific/Auckland")));
        Assert.Equal(new DateOnly(2026, 11, 25), LocalCalendar.LocalDay(instant, Zone("Europe/Berlin")));
        Assert.Equal(new DateOnly(2026, 11, 25), LocalCalendar.LocalDay(instant, Zone("America/Los_Angeles")));
    }

    [Fact]
    public void Local_days_follow_daylight_saving_changes()
    {
        // Los Angeles leaves daylight saving at 09:00 UTC on 1 November 2026: the same UTC time of day
        // falls on 1 November before and after the change, 24 hours apart.
        var la = Zone("America/Los_Angeles");
        Assert.Equal(new DateOnly(2026, 11, 1), LocalCalendar.LocalDay(new DateTimeOffset(2026, 11, 1, 7, 30, 0, TimeSpan.Zero), la));
        Assert.Equal(new DateOnly(2026, 11, 1), LocalCalendar.LocalDay(new DateTimeOffset(2026, 11, 2, 7, 30, 0, TimeSpan.Zero), la));

        // Berlin springs forward at 01:00 UTC on 29 March 2026: 22:30 UTC is the next local day afterwards.
        var berlin = Zone("Europe/Berlin");
        Assert.Equal(new DateOnly(2026, 3, 28), LocalCalendar.LocalDay(new DateTimeOffset(2026, 3, 28, 22, 30, 0, TimeSpan.Zero), berlin));
        Assert.Equal(new DateOnly(2026, 3, 30), LocalCalendar.LocalDay(new DateTimeOffset(2026, 3, 29, 22, 30, 0, TimeSpan.Zero), berlin));
    }

    [Fact]
    public void Weeks_start_on_monday_and_are_named_by_iso_8601()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), LocalCalendar.WeekStart(new DateOnly(2026, 11, 29)));
        Assert.Equal(new DateOnly(2026, 11, 30), LocalCalendar.WeekStart(new DateOnly(2026, 11, 30)));
        Assert.Equal("2026-W53", LocalCalendar.IsoWeek(new DateOnly(2027, 1, 3)));
        Assert.Equal("2027-W01", LocalCalendar.IsoWeek(new DateOnly(2027, 1, 4)));
        Assert.Equal(new DateOnly(2026, 12, 28), LocalCalendar.MondayOfIsoWeek("2026-W53"));
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_time_zones_are_not_accepted(string? id)
    {
        Assert.False(LocalCalendar.TryFindZone(id, out _));
    }
}
