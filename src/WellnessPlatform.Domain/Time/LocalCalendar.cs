using System.Globalization;

namespace WellnessPlatform.Domain.Time;

/// <summary>Calendar arithmetic on a person's local dates: ISO weeks starting on Monday.</summary>
public static class LocalCalendar
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DateOnly, string> WeekLabels = new();

    // Zones found so far: the system lookup takes a process-wide lock on every call, and every session
    // asks twice (docs/performance.md, "Where the time goes").
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The ISO 8601 week a day falls in, as "2026-W48": the key aggregates are kept under.</summary>
    /// <summary>
    /// The ISO week label of a day. Labels are shared: every counter key names a week, and one string
    /// per Monday (a few hundred over the platform's life) saves an allocation on every key.
    /// </summary>
    public static string IsoWeek(DateOnly day) => WeekLabels.GetOrAdd(WeekStart(day), static monday =>
    {
        var dt = monday.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}";
    });

    public static DateOnly MondayOfIsoWeek(string isoWeek)
    {
        if (!TryParseIsoWeek(isoWeek, out var monday))
        {
            throw new FormatException($"'{isoWeek}' is not an ISO week such as 2026-W48.");
        }

        return monday;
    }

    public static bool TryParseIsoWeek(string? isoWeek, out DateOnly monday)
    {
        monday = default;
        if (isoWeek is not { Length: 8 } || isoWeek[4] != '-' || isoWeek[5] != 'W'
            || !int.TryParse(isoWeek.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(isoWeek.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || year is < 2000 or > 2200 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return true;
    }

    /// <summary>The person's local calendar day at an instant, in their IANA time zone.</summary>
    public static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The instant a wall-clock time in a zone names, as a person enters it. Null for a time the zone
    /// skipped (clocks went forward); a time the zone had twice (clocks went back) is taken as the first,
    /// the earlier instant.
    /// </summary>
    public static DateTimeOffset? Instant(DateTime wallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The IANA zone, or UTC for an id that is not one (a record always has a zone to count days in).</summary>
    public static TimeZoneInfo ZoneOrUtc(string? ianaId)
    {
        TryFindZone(ianaId, out var zone);
        return zone;
    }

    public static bool TryFindZone(string? ianaId, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(ianaId) || ianaId.Length > 64)
        {
            return false;
        }

        if (Zones.TryGetValue(ianaId, out var known))
        {
            zone = known;
            return true;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var found) || !found.HasIanaId)
        {
            return false;
        }

        // Only zones that exist are kept, so the cache is bounded by the zone database, not by input.
        Zones.TryAdd(ianaId, found);
        zone = found;
        return true;
    }

}
