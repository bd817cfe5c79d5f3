namespace WellnessPlatform.Domain.Notifications;

/// <summary>
/// A daily reminder the relay did not take: for which local day, and how many retries were made. Retried
/// every <see cref="Interval"/>, at most <see cref="MaxRetries"/> times and only on that same local day
/// while it is still due (nothing logged, no pause or hold, still opted in); each retry is counted in
/// storage before it is made, so a crash never makes the bound larger. A resend carries the day's
/// Message-ID, so a relay or mail client that did get an earlier attempt sees the same message.
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.ReminderRetry")]
public sealed record ReminderRetry([property: Id(0)] DateOnly Day, [property: Id(1)] int Retries)
{
    public const int MaxRetries = 3;

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);
}
