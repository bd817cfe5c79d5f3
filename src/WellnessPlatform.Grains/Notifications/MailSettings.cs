using System.ComponentModel.DataAnnotations;

namespace WellnessPlatform.Grains.Notifications;

/// <summary>
/// Where email goes out (section "WellnessPlatform:Mail"): an SMTP relay (MailDev locally), the sender
/// address, and the public address of the portal the emails link to. Checked at start.
/// </summary>
public sealed class MailSettings : IValidatableObject
{
    public const string Section = "WellnessPlatform:Mail";

    [Required(ErrorMessage = Section + ":SmtpHost is required.")]
    public string SmtpHost { get; set; } = "127.0.0.1";

    [Range(1, 65535, ErrorMessage = Section + ":SmtpPort must be a port between {1} and {2}.")]
    public int SmtpPort { get; set; } = 1025;

    /// <summary>The From address; replies are not read.</summary>
    [Required(ErrorMessage = Section + ":From is required.")]
    public string From { get; set; } = "no-reply@wellness.localhost";

    /// <summary>The portal's public base URL, from which every link in an email is made.</summary>
    [Required(ErrorMessage = Section + ":PublicBaseUrl is required.")]
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:5080/");

    /// <summary>One send (connect, hand over, quit) gives up after this; a reminder tick must not hang on a slow relay.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00", ErrorMessage = Section + ":SendTimeout must be between 00:00:00.001 and 00:01:00.")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The rules attributes cannot say: a parseable address and an absolute http(s) link base.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MimeKit.MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult($"{Section}:From must be one email address.", [nameof(From)]);
        }

        if (!PublicBaseUrl.IsAbsoluteUri || PublicBaseUrl.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"{Section}:PublicBaseUrl must be an absolute http(s) URL.", [nameof(PublicBaseUrl)]);
        }
    }
}
