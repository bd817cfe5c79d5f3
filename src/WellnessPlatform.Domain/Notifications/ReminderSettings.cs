namespace WellnessPlatform.Domain.Notifications;

/// <summary>
/// A person's opt-in to the daily reminder: where to send it, the local wall-clock time, an optional
/// quiet window in which nothing is sent, the secret of the unsubscribe link, and whether a hold or a
/// clearance is also announced (a neutral "there is an update" email), the IANA zone the times are in
/// (null: the person's own zone), and the streak-at-risk nudge. Fixed size: an address of at most
/// <see cref="ReminderRules.MaxEmailLength"/> characters, a 43-character token and a zone id of at most 64.
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.ReminderSettings")]
public sealed record ReminderSettings(
    [property: Id(0)] string Email,
    [property: Id(1)] TimeOnly At,
    [property: Id(2)] QuietHours? Quiet,
    [property: Id(3)] string UnsubscribeToken,
    [property: Id(4)] bool CareNotices = false,
    [property: Id(5)] string? TimeZone = null,
    [property: Id(6)] bool StreakNudge = false);

/// <summary>Local hours without email: from a wall-clock time for a number of minutes (less than a day), possibly past midnight.</summary>
[GenerateSerializer, Immutable, Alias("wp.QuietHours")]
public sealed record QuietHours([property: Id(0)] TimeOnly Start, [property: Id(1)] int Minutes)
{
    /// <summary>Whether a local wall-clock time falls inside the window.</summary>
    public bool Contains(TimeOnly time)
    {
        var since = (int)(time - Start).TotalMinutes;
        return since >= 0 && since < Minutes;
    }
}
