namespace WellnessPlatform.Grains.Notifications;

/// <summary>
/// Where email goes out (section "WellnessPlatform:Mail"): an SMTP relay (MailDev locally), the sender
/// address, and the public address of the portal the emails link to. Checked at start.
/// </summary>
public sealed class MailSettings
{
    public const string Section = "WellnessPlatform:Mail";

    public string SmtpHost { get; set; } = "127.0.0.1";

    public int SmtpPort { get; set; } = 1025;

    /// <summary>The From address; replies are not read.</summary>
    public string From { get; set; } = "no-reply@wellness.localhost";

    /// <summary>The portal's public base URL, from which every link in an email is made.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:5080/");

    /// <summary>One send (connect, hand over, quit) gives up after this; a reminder tick must not hang on a slow relay.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first thing wrong with these settings, or null.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(SmtpHost) ? $"{Section}:SmtpHost is required."
        : SmtpPort is < 1 or > 65535 ? $"{Section}:SmtpPort is a port from 1 to 65535."
        : !MimeKit.MailboxAddress.TryParse(From, out _) ? $"{Section}:From is one email address."
        : !PublicBaseUrl.IsAbsoluteUri || PublicBaseUrl.Scheme is not ("http" or "https") ? $"{Section}:PublicBaseUrl is an absolute http(s) URL."
        : SendTimeout <= TimeSpan.Zero || SendTimeout > TimeSpan.FromMinutes(1) ? $"{Section}:SendTimeout is more than zero and at most a minute."
        : null;
}
