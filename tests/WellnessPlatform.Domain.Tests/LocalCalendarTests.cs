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

    [Fact]
    public void A_wall_clock_time_is_read_in_the_persons_zone()
    {
        var instant = LocalCalendar.Instant(new DateTime(2026, 7, 14, 9, 15, 0), Zone("America/Chicago"));

        Assert.Equal(new DateTimeOffset(2026, 7, 14, 14, 15, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void A_time_the_clocks_skipped_names_no_instant_and_a_repeated_one_is_its_first()
    {
        // Europe/Berlin: 29 March 2026 02:00 → 03:00; 25 October 2026 03:00 → 02:00.
        Assert.Null(LocalCalendar.Instant(new DateTime(2026, 3, 29, 2, 30, 0), Zone("Europe/Berlin")));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), LocalCalendar.Instant(new DateTime(2026, 10, 25, 2, 30, 0), Zone("Europe/Berlin")));
    }
}
