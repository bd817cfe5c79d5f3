namespace WellnessPlatform.Grains.Notifications;

/// <summary>Hands an email to the mail relay, or throws; a send is bounded in time by the implementation.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default);
}
