namespace WellnessPlatform.Domain.Time;

/// <summary>
/// When a person's weekly review runs: once a week, early on Monday in their own time zone, just after
/// their week has closed. Each person gets a stable offset in the first hours of Monday, so a large
/// employer in one time zone does not wake all at once.
/// </summary>
public static class WeeklyReview
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(7);

    /// <summary>Reviews start this long after local midnight, so late-evening entries of Sunday are in.</summary>
    public static readonly TimeSpan After = TimeSpan.FromMinutes(30);

    /// <summary>The window over which people's reviews are spread.</summary>
    public static readonly TimeSpan Spread = TimeSpan.FromHours(6);

    /// <summary>The next review strictly after <paramref name="now"/>, in UTC.</summary>
    public static DateTimeOffset Next(DateTimeOffset now, TimeZoneInfo zone, Guid person)
    {
        var offset = After + TimeSpan.FromSeconds((uint)person.GetHashCode() % (uint)Spread.TotalSeconds);
        var monday = LocalCalendar.WeekStart(LocalCalendar.LocalDay(now, zone));
        for (var week = 0; week < 3; week++)
        {
            var local = monday.AddDays(7 * week).ToDateTime(TimeOnly.MinValue) + offset;

            // A local time that a clock change skips is taken an hour later.
            while (zone.IsInvalidTime(local))
            {
                local = local.AddHours(1);
            }

            var due = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            if (due > now)
            {
                return due;
            }
        }

        throw new InvalidOperationException("No review within three weeks.");
    }
}
