using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Employees;

/// <summary>
/// What an employee's own entries must satisfy before anything is recorded: profile, pain scores and
/// sessions. Each rule names the field at fault, so the API answers with it.
/// </summary>
public static class EmployeeRules
{
    /// <summary>Planned rest weekdays: the routine is done most days (seed: "work up to daily").</summary>
    public const int MaxRestDays = 2;

    /// <summary>Sessions may be logged up to this far ahead of the clock (a phone's clock runs fast).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static FieldError? Pain(int? pain, string field) =>
        pain is < 0 or > 10 ? new FieldError(field, "out_of_range", "Pain is a whole number from 0 (none) to 10 (worst imaginable).") : null;

    public static FieldError? RestDays(IReadOnlyList<DayOfWeek> days) =>
        days.Distinct().Count() > MaxRestDays || days.Any(d => !Enum.IsDefined(d))
            ? new FieldError("restDays", "invalid", $"Choose at most {MaxRestDays} weekdays as planned rest days.")
            : null;

    /// <summary>Time zone, department and rest days of an enrolment, against the employer's departments.</summary>
    public static List<FieldError> Profile(string timeZone, string department, IReadOnlyList<DayOfWeek>? restDays, IReadOnlyCollection<string> departments)
    {
        var errors = new List<FieldError>();
        if (!LocalCalendar.TryFindZone(timeZone, out _))
        {
            errors.Add(new FieldError("timeZone", "unknown_time_zone", "Give an IANA time zone such as Europe/Berlin or America/Chicago."));
        }

        if (!departments.Contains(department))
        {
            errors.Add(new FieldError("department", "unknown_department", $"Choose one of: {string.Join(", ", departments)}."));
        }

        errors.AddIfAny(RestDays(restDays ?? []));
        return errors;
    }

    /// <summary>
    /// A session as the person logs it: its id, exercises (none restricted for them), the day it counts
    /// for (given, or the local day of when it was done, within the late-entry window and not before
    /// enrolment), pain before and after, and room on that day. Returns the day it counts for.
    /// </summary>
    public static (DateOnly Day, List<FieldError> Errors) Session(SessionEntry entry, SessionContext context)
    {
        var errors = new List<FieldError>();
        errors.AddIfAny(SessionRules.ValidateClientId(entry.ClientSessionId, "clientSessionId"));
        errors.AddRange(SessionRules.ValidateExercises(entry.Exercises, context.Restricted));
        var day = context.Today;
        var dayField = entry.Day is null ? "performedAt" : "day";
        if (entry.PerformedAt is { } at && at > context.Now + ClockSkew)
        {
            errors.Add(new FieldError("performedAt", "in_future", "A session cannot be logged for a time that has not happened yet."));
        }
        else
        {
            day = entry.Day ?? LocalCalendar.LocalDay(entry.PerformedAt ?? context.Now, context.Zone);
            errors.AddIfAny(SessionRules.ValidateDay(day, context.Today, context.EnrolledOn, context.LateEntryDays, dayField));
        }

        errors.AddIfAny(Pain(entry.PainBefore, "painBefore"));
        errors.AddIfAny(Pain(entry.PainAfter, "painAfter"));
        if (errors.Count == 0 && context.SessionsOn(day) >= context.MaxSessionsPerDay)
        {
            errors.Add(new FieldError(dayField, "day_full",
                $"At most {context.MaxSessionsPerDay} sessions can be logged for one day; {day:yyyy-MM-dd} has them already."));
        }

        return (day, errors);
    }

    /// <summary>Adds the error when there is one.</summary>
    public static void AddIfAny(this List<FieldError> errors, FieldError? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }
}
