using System.Globalization;
using System.Net;
using System.Text;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// The calendar feed over HTTP on Azurite: an RFC 5545 calendar of the planned sessions of the coming
/// weeks (rest days and a pause left out, nothing about health), read structurally; the address works
/// without signing in, and a new address or a revocation makes the old one 404.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CalendarFeedTests(AzuriteFixture fixture)
{
    private const string T = "ics";

    [Fact]
    public async Task The_feed_lists_planned_sessions_as_a_well_formed_calendar_and_a_new_or_revoked_address_is_404()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(T, "office");
        await platform.Admin(T).SendOkAsync(HttpMethod.Put, $"/api/tenants/{T}/invitations/pat", new { department = "office" });
        var http = platform.Employee(T, "pat");
        const string path = $"/api/tenants/{T}/employees/pat";
        await http.SendOkAsync(HttpMethod.Post, $"{path}/enrolment", new { timeZone = "America/Chicago", restDays = new[] { "saturday", "sunday" } });
        await http.SendOkAsync(HttpMethod.Post, $"{path}/screening", new { painIntensity = 2, workRelated = false, recentInjury = false, redFlags = Array.Empty<string>() });
        await http.SendOkAsync(HttpMethod.Put, $"{path}/notifications", new { dailyReminder = true, email = "pat@example.com", reminderTime = "07:30" });
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, chicago).DateTime);
        var pauseEnd = today.AddDays(2);
        await http.SendOkAsync(HttpMethod.Post, $"{path}/pause", new { until = pauseEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

        var none = await http.SendOkAsync(HttpMethod.Get, $"{path}/calendar-feed");
        Assert.False((bool)none["active"]!);
        var issued = await http.SendOkAsync(HttpMethod.Put, $"{path}/calendar-feed");
        var url = new Uri((string)issued["url"]!);
        Assert.Equal((string)issued["url"]!, (string)(await http.SendOkAsync(HttpMethod.Get, $"{path}/calendar-feed"))["url"]!);
        Assert.True(Convert.FromBase64String(Token(url).Replace('-', '+').Replace('_', '/') + "=").Length == 32, "the secret is 256 bits");

        var anonymous = platform.CreateClient();
        using var response = await anonymous.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var raw = await response.Content.ReadAsStringAsync();

        // Lines: every one ends in CRLF, none is longer than 75 octets, a folded line continues with one space.
        Assert.EndsWith("\r\n", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", raw.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var physical = raw[..^2].Split("\r\n");
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"longer than 75 octets: {l}"));
        Assert.Contains(physical, l => l.StartsWith(' '));
        var lines = raw.Replace("\r\n ", string.Empty, StringComparison.Ordinal)[..^2].Split("\r\n");

        Assert.Equal(["BEGIN:VCALENDAR", "VERSION:2.0"], lines[..2]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        var events = Events(lines);
        Assert.Equal(lines.Count(l => l == "BEGIN:VEVENT"), events.Count);
        Assert.Equal(events.Count, events.Select(e => e["UID"]).Distinct().Count());

        // The planned days: eight weeks from today, without the pause (today to its last day) or the rest days chosen at enrolment.
        var expected = Enumerable.Range(0, 56).Select(today.AddDays)
            .Where(d => d > pauseEnd && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var starts = events.Select(e => DateTimeOffset.ParseExact(e["DTSTART"], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)).ToList();
        Assert.Equal(expected, starts.Select(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s, chicago).DateTime)));

        // Each at 07:30 in Chicago whichever side of a clock change (UTC-5 or UTC-6), a quarter of an hour long.
        Assert.All(starts, s => Assert.Equal(new TimeOnly(7, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(s, chicago).DateTime)));
        Assert.All(events, e =>
        {
            Assert.Matches(@"^\d{8}T\d{6}Z$", e["DTSTAMP"]);
            Assert.Matches(@"^\d{8}T\d{6}Z$", e["DTEND"]);
            Assert.EndsWith("@wellness.calendar", e["UID"], StringComparison.Ordinal);
            Assert.DoesNotContain("pat", e["UID"], StringComparison.Ordinal);
            Assert.DoesNotContain("pain", string.Join("\n", e.Values), StringComparison.OrdinalIgnoreCase);
        });

        // A wrong secret, then a new address (revoking the first), then revocation: each old address is 404.
        var wrong = url.PathAndQuery[..(url.PathAndQuery.IndexOf("token=", StringComparison.Ordinal) + 6)] + "guessed";
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(wrong, UriKind.Relative))).StatusCode);
        var second = new Uri((string)(await http.SendOkAsync(HttpMethod.Put, $"{path}/calendar-feed"))["url"]!);
        Assert.NotEqual(url, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(second.PathAndQuery, UriKind.Relative))).StatusCode);
        var revoked = await http.SendOkAsync(HttpMethod.Delete, $"{path}/calendar-feed");
        Assert.False((bool)revoked["active"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(second.PathAndQuery, UriKind.Relative))).StatusCode);
    }

    private static string Token(Uri url) => Uri.UnescapeDataString(url.Query.Split('&').Single(p => p.StartsWith("token=", StringComparison.Ordinal))["token=".Length..]);

    /// <summary>Each VEVENT's properties by name (parameters dropped); fails on a property outside an event's BEGIN/END.</summary>
    private static List<Dictionary<string, string>> Events(string[] lines)
    {
        var events = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in lines)
        {
            if (line == "BEGIN:VEVENT")
            {
                Assert.Null(current);
                current = [];
                continue;
            }

            if (line == "END:VEVENT")
            {
                Assert.NotNull(current);
                Assert.All(new[] { "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY" }, p => Assert.True(current!.ContainsKey(p), $"an event without {p}"));
                events.Add(current!);
                current = null;
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0, $"not a content line: {line}");
            current?.Add(line[..colon].Split(';')[0], line[(colon + 1)..]);
        }

        Assert.Null(current);
        return events;
    }
}
