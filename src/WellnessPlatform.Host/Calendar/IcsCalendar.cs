using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WellnessPlatform.Contracts.Employees;

namespace WellnessPlatform.Host.Calendar;

/// <summary>
/// Writes the planned sessions as an RFC 5545 calendar: CRLF line ends, lines folded at 75 octets
/// (never inside a UTF-8 character), TEXT values escaped, times in UTC (so no VTIMEZONE is needed and
/// clock changes were already applied by the grain). Events say nothing about health: a title, the
/// portal's link. Each UID is stable for its day, so a calendar app updates an event instead of doubling it.
/// </summary>
public static class IcsCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private const int MaxOctets = 75;

    public static string Write(CalendarSessions calendar, string tenantId, string employeeId, Uri portal, DateTimeOffset now)
    {
        var uidStem = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}/{employeeId}/calendar")))[..24];
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//WellnessPlatform//Routine calendar//EN");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "X-WR-CALNAME:" + Escape("Back routine"));
        foreach (var session in calendar.Sessions)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, $"UID:{uidStem}-{session.Day:yyyyMMdd}@wellness.calendar");
            Line(text, "DTSTAMP:" + Utc(now));
            Line(text, "DTSTART:" + Utc(session.Start));
            Line(text, "DTEND:" + Utc(session.Start + calendar.Length));
            Line(text, "SUMMARY:" + Escape("Back routine session"));
            Line(text, "DESCRIPTION:" + Escape($"Your planned session. Today's routine, with its instructions, is in the portal: {portal}"));
            Line(text, "URL:" + portal);
            Line(text, "TRANSP:TRANSPARENT");
            Line(text, "END:VEVENT");
        }

        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>RFC 5545 3.3.11: backslash, semicolon and comma are escaped, a line break is "\n".</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>RFC 5545 3.1: a content line longer than 75 octets continues on the next line after CRLF and one space.</summary>
    private static void Line(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = MaxOctets;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1; // the leading space counts
            }

            text.Append(rune.ToString());
            octets += size;
        }

        text.Append("\r\n");
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
