using WellnessPlatform.Grains.Notifications;

namespace WellnessPlatform.Grains.Tests;

/// <summary>How many of the next sends the relay refuses, as an outage would; shared by the silos of one fixture.</summary>
public sealed class MailFaults
{
    private int _refusals;

    public void RefuseNext(int sends) => Interlocked.Exchange(ref _refusals, sends);

    internal bool TakeRefusal()
    {
        while (true)
        {
            var left = Volatile.Read(ref _refusals);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _refusals, left - 1, left) == left)
            {
                return true;
            }
        }
    }
}

/// <summary>The real sender behind a switch that makes the relay refuse the next sends.</summary>
internal sealed class FaultyMailSender(IMailSender inner, MailFaults faults) : IMailSender
{
    public Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default) =>
        faults.TakeRefusal()
            ? Task.FromException(new IOException("The relay refused the connection (injected)."))
            : inner.SendAsync(email, cancellationToken);
}
