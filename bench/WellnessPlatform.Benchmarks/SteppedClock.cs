namespace WellnessPlatform.Benchmarks;

/// <summary>
/// The platform's clock as the grains and the gateway read it: real time plus an offset that the scale
/// run steps a day at a time, so that a week of use happens in minutes (the API refuses sessions for
/// days before enrolment or more than two days back). Only the wall clock moves: timers and timestamps
/// of the base provider stay real, and the scale host pins Orleans' own areas (membership, reminders,
/// activation collection, grain timers) to the system clock.
/// </summary>
internal sealed class SteppedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    /// <summary>The calendar day it is now in a time zone, as the platform sees it.</summary>
    public DateOnly Today(TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(GetUtcNow(), zone).DateTime);
}
