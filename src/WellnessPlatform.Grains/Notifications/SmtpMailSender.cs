using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace WellnessPlatform.Grains.Notifications;

/// <summary>Sends through an SMTP relay with MailKit: a connection per email, the whole send bounded by <see cref="MailSettings.SendTimeout"/>.</summary>
public sealed class SmtpMailSender(IOptions<MailSettings> options) : IMailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.MessageId = email.MessageId;
        // RFC 2369 / 8058: mail clients offer their own unsubscribe button for this link.
        message.Headers.Add("List-Unsubscribe", $"<{email.Unsubscribe}>");
        message.Body = new TextPart("plain") { Text = email.Text };

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.SendTimeout);
        using var client = new SmtpClient { Timeout = (int)settings.SendTimeout.TotalMilliseconds };
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, SecureSocketOptions.Auto, deadline.Token);
        await client.SendAsync(message, deadline.Token);
        await client.DisconnectAsync(quit: true, deadline.Token);
    }
}
