using WellnessPlatform.Domain.Plans;

namespace WellnessPlatform.Domain.Care;

/// <summary>
/// The person's own medical pause: it freezes the streak, starts up to the late-entry window back and at
/// most 14 days ahead, lasts at most the plan's maximum, and never overlaps another.
/// </summary>
public static class MedicalPauses
{
    public const int MaxDaysAhead = 14;

    /// <summary>The pause's dates checked against today and the plan; empty when they are acceptable.</summary>
    public static List<FieldError> Validate(DateOnly from, DateOnly? until, DateOnly today, PlanSettings plan)
    {
        var errors = new List<FieldError>();
        if (from < today.AddDays(-plan.LateEntryDays) || from > today.AddDays(MaxDaysAhead))
        {
            errors.Add(new FieldError("from", "out_of_range", $"A pause can start up to {plan.LateEntryDays} day(s) back and at most {MaxDaysAhead} days ahead."));
        }

        if (until is { } end && (end < from || end.DayNumber - from.DayNumber >= plan.MaxMedicalPauseDays))
        {
            errors.Add(new FieldError("until", "out_of_range", $"A pause ends on or after its first day and lasts at most {plan.MaxMedicalPauseDays} days."));
        }

        return errors;
    }

    /// <summary>Whether a medical pause is in place on or after the day (open-ended or ending then or later).</summary>
    public static bool InPlaceFrom(IEnumerable<PauseRange> pauses, DateOnly day) =>
        pauses.Any(p => p.Kind == PauseKind.Medical && (p.Until is null || p.Until >= day));

    /// <summary>
    /// Ends the pause in place today: one that had not begun (or began today) leaves nothing to keep, one
    /// under way ends yesterday. False, with nothing changed, when there is none.
    /// </summary>
    public static bool End(List<PauseRange> pauses, DateOnly today)
    {
        var index = pauses.FindIndex(p => p.Kind == PauseKind.Medical && (p.Until is null || p.Until >= today));
        if (index < 0)
        {
            return false;
        }

        var pause = pauses[index];
        if (pause.From >= today)
        {
            pauses.RemoveAt(index);
        }
        else
        {
            pauses[index] = pause with { Until = today.AddDays(-1) };
        }

        return true;
    }
}
