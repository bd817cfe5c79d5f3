namespace WellnessPlatform.Domain.Screening;

/// <summary>
/// Decides whether a person may start the routine on their own. The source says to talk to a doctor
/// before starting because "the source and intensity of the pain make a difference"; here severe pain,
/// any red flag or a recent injury hold the routine until an occupational-health case worker clears it.
/// </summary>
public static class ScreeningRules
{
    /// <summary>Pain at or above this (on 0–10) holds the routine.</summary>
    public const int SeverePainThreshold = 7;

    /// <summary>The number of red flags (<see cref="RedFlag"/>): an answer lists each at most once, which bounds what is stored.</summary>
    public const int MaxRedFlags = 6;

    public static IReadOnlyList<FieldError> Validate(ScreeningAnswers answers)
    {
        var errors = new List<FieldError>();
        if (answers.PainIntensity is < 0 or > 10)
        {
            errors.Add(new FieldError("painIntensity", "out_of_range", "Pain intensity must be a whole number from 0 to 10."));
        }

        if (answers.RedFlags.Any(f => !Enum.IsDefined(f)))
        {
            errors.Add(new FieldError("redFlags", "unknown_red_flag", "One of the red flags is not a known symptom."));
        }
        else if (answers.RedFlags.Count > MaxRedFlags)
        {
            errors.Add(new FieldError("redFlags", "too_many", $"There are {MaxRedFlags} red flags; list each at most once."));
        }

        return errors;
    }

    public static ScreeningOutcome Evaluate(ScreeningAnswers answers)
    {
        var reasons = new List<HoldReason>();
        if (answers.PainIntensity >= SeverePainThreshold)
        {
            reasons.Add(HoldReason.SeverePain);
        }

        if (answers.RedFlags.Count > 0)
        {
            reasons.Add(HoldReason.RedFlag);
        }

        if (answers.RecentInjury)
        {
            reasons.Add(HoldReason.RecentInjury);
        }

        var held = reasons.Count > 0;
        var advice = held
            ? "Please see a clinician before you start. Your routine is on hold until an occupational-health case worker records that you are cleared to exercise."
            : "You can start the routine. Stop and talk to your doctor if an exercise causes pain rather than a gentle stretch.";
        if (answers.WorkRelated)
        {
            advice += " Because your pain is work-related, please report the incident so your occupational-health team can follow up.";
        }

        return new ScreeningOutcome(held, reasons, answers.WorkRelated, advice);
    }
}
