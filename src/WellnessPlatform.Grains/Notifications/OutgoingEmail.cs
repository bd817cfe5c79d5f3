namespace WellnessPlatform.Grains.Notifications;

/// <summary>One plain-text email to one person, with the Message-ID that names it for good.</summary>
public sealed record OutgoingEmail(string To, string Subject, string Text, string MessageId, Uri Unsubscribe);
