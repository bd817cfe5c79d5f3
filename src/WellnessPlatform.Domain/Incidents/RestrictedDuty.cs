namespace WellnessPlatform.Domain.Incidents;

/// <summary>The end date a case worker may give restricted duty: not in the past, at most a year ahead.</summary>
public static class RestrictedDuty
{
    /// <summary>Restricted duty is reviewed well within a year; a later end is a typo or a different kind of case.</summary>
    public const int MaxDaysAhead = 365;

    /// <summary>Null when <paramref name="until"/> may be given for a move to <paramref name="target"/> on <paramref name="today"/>.</summary>
    public static FieldError? Validate(IncidentStatus target, DateOnly? until, DateOnly today) => until switch
    {
        null => null,
        _ when target != IncidentStatus.RestrictedDuty => new FieldError("until", "not_restricted_duty", "An end date is given only with a move to restricted duty."),
        { } day when day < today => new FieldError("until", "in_past", "Restricted duty cannot end before today."),
        { } day when day > today.AddDays(MaxDaysAhead) => new FieldError("until", "too_far", $"Give an end date within {MaxDaysAhead} days."),
        _ => null,
    };
}
