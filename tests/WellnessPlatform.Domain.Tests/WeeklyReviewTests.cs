using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Tests;

/// <summary>The weekly review runs early on the person's own Monday, across zones and clock changes.</summary>
public sealed class WeeklyReviewTests
{
    [Theory]
    [InlineData("Europe/Berlin", "2026-03-26T12:00:00Z")] // the week the clocks go forward
    [InlineData("Europe/Berlin", "2026-10-28T12:00:00Z")] // the week they go back
    [InlineData("America/Los_Angeles", "2026-03-04T20:00:00Z")]
    [InlineData("America/Los_Angeles", "2026-11-06T07:30:00Z")]
    [InlineData("Pacific/Auckland", "2026-09-24T00:00:00Z")]
    [InlineData("Asia/Kolkata", "2026-11-29T19:00:00Z")]
    [InlineData("Etc/UTC", "2026-11-30T00:10:00Z")]
    public void The_next_review_is_the_coming_local_monday_between_half_past_midnight_and_half_past_six(string zoneId, string nowText)
    {
        Assert.True(LocalCalendar.TryFindZone(zoneId, out var zone));
        var now = DateTimeOffset.Parse(nowText, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var person in Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()))
        {
            var next = WeeklyReview.Next(now, zone, person);
            var local = TimeZoneInfo.ConvertTime(next, zone);
            Assert.True(next > now);
            Assert.True(next - now <= TimeSpan.FromDays(7) + WeeklyReview.After + WeeklyReview.Spread + TimeSpan.FromHours(1));
            Assert.Equal(DayOfWeek.Monday, local.DayOfWeek);
            Assert.InRange(local.TimeOfDay, WeeklyReview.After, WeeklyReview.After + WeeklyReview.Spread + TimeSpan.FromHours(1));
        }
    }

    [Fact]
    public void A_person_keeps_the_same_minute_every_week_and_people_are_spread_over_the_window()
    {
        Assert.True(LocalCalendar.TryFindZone("Europe/Berlin", out var zone));
        var person = Guid.NewGuid();
        var first = WeeklyReview.Next(new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero), zone, person);
        var second = WeeklyReview.Next(first, zone, person);
        Assert.Equal(TimeSpan.FromDays(7), second - first);

        var minutes = Enumerable.Range(0, 1000)
            .Select(_ => TimeZoneInfo.ConvertTime(WeeklyReview.Next(first, zone, Guid.NewGuid()), zone).TimeOfDay)
            .Select(t => (int)(t - WeeklyReview.After).TotalHours)
            .GroupBy(h => h).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(6, minutes.Count); // every hour of the six-hour window is used
        Assert.All(minutes.Values, n => Assert.InRange(n, 100, 240));
    }
}
