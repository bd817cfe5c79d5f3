using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WellnessPlatform.Grains.Notifications;

/// <summary>
/// The emails the platform writes. They carry no health detail (no pain, screening, hold or its reason,
/// no diagnosis): a neutral sentence, a link to the portal, and the unsubscribe link.
/// </summary>
public static class ReminderEmail
{
    public const string Kind = "daily-reminder";

    public const string HoldNotice = "hold-notice";

    public const string ClearanceNotice = "clearance-notice";

    public const string StreakNudge = "streak-nudge";

    public static OutgoingEmail Daily(MailSettings settings, string tenantId, string employeeId, string to, string token, DateOnly day)
    {
        var portal = new Uri(settings.PublicBaseUrl, "portal");
        var unsubscribe = UnsubscribeLink(settings, tenantId, employeeId, token);
        var text = $"""
            Hello,

            Today is one of your planned days. Your routine is ready when you are:
            {portal}

            You receive this because you asked for a daily reminder. To stop these emails:
            {unsubscribe}
            """;
        return new OutgoingEmail(to, "Your routine for today", text, MessageId(tenantId, employeeId, Kind, day), unsubscribe);
    }

    /// <summary>The evening nudge: a session today keeps the running streak. Nothing about health, only the habit.</summary>
    public static OutgoingEmail StreakAtRisk(MailSettings settings, string tenantId, string employeeId, string to, string token, DateOnly day)
    {
        var portal = new Uri(settings.PublicBaseUrl, "portal");
        var unsubscribe = UnsubscribeLink(settings, tenantId, employeeId, token);
        var text = $"""
            Hello,

            You have a streak going, and a session today keeps it. There is still time:
            {portal}

            You receive this because you asked for a nudge when your streak is at risk. To stop these emails:
            {unsubscribe}
            """;
        return new OutgoingEmail(to, "Keep your streak going", text, MessageId(tenantId, employeeId, StreakNudge, day), unsubscribe);
    }

    /// <summary>A hold began or ended: the same neutral words either way, so the email itself tells nothing.</summary>
    public static OutgoingEmail CareUpdate(MailSettings settings, string tenantId, string employeeId, string to, string token, string kind, DateOnly day)
    {
        var portal = new Uri(settings.PublicBaseUrl, "portal");
        var unsubscribe = UnsubscribeLink(settings, tenantId, employeeId, token);
        var text = $"""
            Hello,

            There is an update about your routine. Please sign in to the portal to see it:
            {portal}

            To stop these emails:
            {unsubscribe}
            """;
        return new OutgoingEmail(to, "An update about your routine", text, MessageId(tenantId, employeeId, kind, day), unsubscribe);
    }

    public static Uri UnsubscribeLink(MailSettings settings, string tenantId, string employeeId, string token) =>
        new(settings.PublicBaseUrl, $"notifications/unsubscribe?tenant={Uri.EscapeDataString(tenantId)}&employee={Uri.EscapeDataString(employeeId)}&token={Uri.EscapeDataString(token)}");

    /// <summary>
    /// The same for the same person, kind and day, whichever silo or attempt sends it. SMTP cannot
    /// deliver exactly once: a crash after the relay took the email and before we learn it resends it.
    /// The day is stored as reminded before the send, so only such a crash resends, and the stable id
    /// lets the relay and mail clients recognise the resend as the same message. Hashed, so the header
    /// names no one.
    /// </summary>
    public static string MessageId(string tenantId, string employeeId, string kind, DateOnly day)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{tenantId}/{employeeId}/{kind}/{day:yyyy-MM-dd}");
        return $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32]}@wellness.notifications";
    }
}
