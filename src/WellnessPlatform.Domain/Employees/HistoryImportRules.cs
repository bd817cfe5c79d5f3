using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Domain.Employees;

/// <summary>
/// A history brought from another system (the demo's, or an employer's earlier programme): the same
/// limits as entries made day by day, each error naming its list position so the importer can fix it.
/// </summary>
internal static class HistoryImportRules
{
    /// <summary>How far back an imported enrolment may lie: two years.</summary>
    public const int MaxImportDays = 2 * 366;

    public static List<FieldError> Validate(HistoryImport history, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (history.EnrolledOn > today || history.EnrolledOn < today.AddDays(-MaxImportDays))
        {
            errors.Add(new FieldError("enrolledOn", "out_of_range", "The enrolment day must lie within the last two years."));
        }

        errors.AddRange(ScreeningRules.Validate(history.Screening));
        var sessionsPerDay = new Dictionary<DateOnly, int>();
        for (var i = 0; i < history.Sessions.Count; i++)
        {
            var session = history.Sessions[i];
            errors.AddIfAny(SessionRules.ValidateClientId(session.ClientSessionId, $"sessions[{i}].clientSessionId"));
            if (session.Day < history.EnrolledOn || session.Day > today)
            {
                errors.Add(new FieldError($"sessions[{i}].day", "out_of_range", "Imported sessions lie between enrolment and today."));
            }
            else if ((sessionsPerDay[session.Day] = sessionsPerDay.GetValueOrDefault(session.Day) + 1) > EmployeeRecord.MaxSessionsPerDay)
            {
                errors.Add(new FieldError($"sessions[{i}].day", "day_full", $"At most {EmployeeRecord.MaxSessionsPerDay} sessions a day."));
            }

            errors.AddRange(SessionRules.ValidateExercises(session.Exercises, []).Select(e => e with { Field = $"sessions[{i}].{e.Field}" }));
        }

        var checkInsPerDay = new Dictionary<DateOnly, int>();
        for (var i = 0; i < history.CheckIns.Count; i++)
        {
            var checkIn = history.CheckIns[i];
            errors.AddIfAny(SessionRules.ValidateClientId(checkIn.ClientCheckInId, $"checkIns[{i}].clientCheckInId"));
            errors.AddIfAny(EmployeeRules.Pain(checkIn.Pain, $"checkIns[{i}].pain"));
            if (checkIn.Day < history.EnrolledOn || checkIn.Day > today)
            {
                errors.Add(new FieldError($"checkIns[{i}].day", "out_of_range", "Imported check-ins lie between enrolment and today."));
            }
            else if ((checkInsPerDay[checkIn.Day] = checkInsPerDay.GetValueOrDefault(checkIn.Day) + 1) > EmployeeRecord.MaxCheckInsPerDay)
            {
                errors.Add(new FieldError($"checkIns[{i}].day", "day_full", $"At most {EmployeeRecord.MaxCheckInsPerDay} check-ins a day."));
            }
        }

        return errors;
    }
}
