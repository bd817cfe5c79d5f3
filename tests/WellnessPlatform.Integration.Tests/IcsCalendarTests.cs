using System.Text;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Host.Calendar;

namespace WellnessPlatform.Integration.Tests;

/// <summary>The RFC 5545 writer alone: folding counts octets and never splits a UTF-8 character; TEXT is escaped.</summary>
public sealed class IcsCalendarTests
{
    [Fact]
    public void Long_lines_fold_at_75_octets_between_characters_and_unfold_to_the_original()
    {
        var sessions = new CalendarSessions([new CalendarSession(new DateOnly(2027, 3, 14), new DateTimeOffset(2027, 3, 14, 12, 30, 0, TimeSpan.Zero))], TimeSpan.FromMinutes(15));
        var portal = new Uri("https://wellness.example.com/" + string.Concat(Enumerable.Repeat("ü", 60)) + "/portal");

        var text = IcsCalendar.Write(sessions, "t", "e", portal, new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));

        var physical = text[..^2].Split("\r\n");
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Contains("ü", text, StringComparison.Ordinal);
        Assert.DoesNotContain(physical, l => l.Length > 0 && char.IsLowSurrogate(l[0]));
        var unfolded = text.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("\r\n");
        Assert.Contains("URL:" + portal, unfolded);
        Assert.Contains("DTSTART:20270314T123000Z", unfolded);
        Assert.Contains("DTEND:20270314T124500Z", unfolded);
        Assert.Contains("DTSTAMP:20270301T080000Z", unfolded);
    }

    [Theory]
    [InlineData("a,b;c\\d", "a\\,b\\;c\\\\d")]
    [InlineData("one\ntwo", "one\\ntwo")]
    public void Text_values_are_escaped(string value, string escaped) => Assert.Equal(escaped, IcsCalendar.Escape(value));
}
