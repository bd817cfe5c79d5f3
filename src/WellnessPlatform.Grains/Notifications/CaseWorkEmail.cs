using WellnessPlatform.Contracts.CareQueue;
using WellnessPlatform.Domain.CareQueue;

namespace WellnessPlatform.Grains.Notifications;

/// <summary>
/// The alert to the occupational-health team that new work entered their queue. One neutral sentence for
/// every kind: a team inbox may be read more widely than the console, so it names no person, case or
/// kind (which would say "held at screening" or "pain rising"), only links to the work queue.
/// </summary>
public static class CaseWorkEmail
{
    /// <summary>The kinds that are announced; restricted duty is the case worker's own decision, so it is not.</summary>
    public static bool Announces(CareQueueKind kind) =>
        kind is CareQueueKind.NewIncident or CareQueueKind.AwaitingClearance or CareQueueKind.PainRising or CareQueueKind.Form301Due;

    public static OutgoingEmail For(MailSettings settings, string tenantId, string to, string token, CareQueueItem item)
    {
        var queue = new Uri(settings.PublicBaseUrl, "casework/queue");
        var unsubscribe = UnsubscribeLink(settings, tenantId, token);
        var text = $"""
            Hello,

            There is new work in your team's case-work queue. Please sign in to see it:
            {queue}

            Your administrator chose this address for case-work alerts. To stop them:
            {unsubscribe}
            """;
        return new OutgoingEmail(to, "New work in the case-work queue", text, MessageId(tenantId, item), unsubscribe);
    }

    public static Uri UnsubscribeLink(MailSettings settings, string tenantId, string token) =>
        new(settings.PublicBaseUrl, $"notifications/casework/unsubscribe?tenant={Uri.EscapeDataString(tenantId)}&token={Uri.EscapeDataString(token)}");

    /// <summary>The same for the same entry (kind, person or case, and the day it dates from), so a resend is recognisably the same message.</summary>
    public static string MessageId(string tenantId, CareQueueItem item) =>
        ReminderEmail.MessageId(tenantId, item.Subject, $"casework-{item.Kind}", item.Day ?? DateOnly.MinValue);
}
