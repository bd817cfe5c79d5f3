namespace WellnessPlatform.Integration.Tests.Upgrade;

/// <summary>
/// The platform's wall clock starting from a fixed instant and running at real speed, so a recorded
/// tenant is read back on the same "today" it was written on. Timers stay real.
/// </summary>
internal sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
}
