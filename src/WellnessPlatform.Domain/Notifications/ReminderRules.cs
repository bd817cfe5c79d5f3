using System.Globalization;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Notifications;

/// <summary>What a reminder opt-in must satisfy; every error names the field as the API spells it.</summary>
public static class ReminderRules
{
    /// <summary>RFC 5321 limits a forward path to 256 characters including the angle brackets.</summary>
    public const int MaxEmailLength = 254;

    public const int MaxQuietMinutes = (24 * 60) - 1;

    /// <summary>A local time as "HH:mm", 00:00 to 23:59; anything else (24:00, 7:5, 12:00:00) is refused.</summary>
    public static TimeOnly? Time(string? value, string field, List<FieldError> errors)
    {
        if (value is { Length: 5 } && value[2] == ':'
            && TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(new FieldError(field, "invalid_time", $"'{field}' is a local time from 00:00 to 23:59, as HH:mm."));
        return null;
    }

    public static string? Email(string? value, List<FieldError> errors) => Email(value, "email", errors);

    public static string? Email(string? value, string field, List<FieldError> errors)
    {
        var trimmed = value?.Trim();
        var at = trimmed?.IndexOf('@') ?? -1;
        if (trimmed is { Length: > 0 and <= MaxEmailLength } && at > 0 && at == trimmed.LastIndexOf('@') && at < trimmed.Length - 1
            && trimmed[(at + 1)..].Contains('.', StringComparison.Ordinal) && !trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"'))
        {
            return trimmed;
        }

        errors.Add(new FieldError(field, "invalid_email", $"'{field}' is one address such as name@example.com, at most {MaxEmailLength} characters."));
        return null;
    }

    /// <summary>An IANA zone id the server knows (Europe/Berlin); a Windows name or a made-up one is refused.</summary>
    public static string? Zone(string value, List<FieldError> errors)
    {
        if (LocalCalendar.TryFindZone(value, out _))
        {
            return value;
        }

        errors.Add(new FieldError("timeZone", "unknown_time_zone", "'timeZone' is an IANA time zone such as Europe/Berlin or America/Chicago."));
        return null;
    }

    public static QuietHours? Quiet(string? start, int? minutes, List<FieldError> errors)
    {
        var from = Time(start, "quietHours.start", errors);
        if (minutes is null or < 1 or > MaxQuietMinutes)
        {
            errors.Add(new FieldError("quietHours.minutes", "invalid_length", $"Quiet hours last 1 to {MaxQuietMinutes} minutes: less than a day."));
            return null;
        }

        return from is { } time ? new QuietHours(time, minutes.Value) : null;
    }
}
