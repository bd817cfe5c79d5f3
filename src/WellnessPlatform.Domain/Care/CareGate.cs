using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;

namespace WellnessPlatform.Domain.Care;

/// <summary>
/// The safety promise, "doctor first, hold until cleared": nothing is exercised before screening, a
/// screening that finds a red flag, severe pain or a recent injury holds the routine until a case worker
/// records clearance, and a medical pause freezes it. Holds are kept as open-ended pauses of kind
/// <see cref="PauseKind.ScreeningHold"/>, so the streak rules freeze over them like over any pause.
/// </summary>
public static class CareGate
{
    /// <summary>Whether the routine is held now: a screening hold not yet cleared.</summary>
    public static bool IsOnHold(IEnumerable<PauseRange> pauses) => pauses.Any(p => p.Kind == PauseKind.ScreeningHold && p.Until is null);

    /// <summary>The routine's state on a day, given the screening result, the pauses and whether a session is logged for it.</summary>
    public static CareVerdict On(DateOnly day, ScreeningOutcome? screening, IReadOnlyList<PauseRange> pauses, bool sessionLogged)
    {
        if (screening is null)
        {
            return new(RoutineState.NeedsScreening, "Answer the short screening before your first session.");
        }

        if (IsOnHold(pauses))
        {
            var reasons = string.Join(", ", screening.Reasons.Select(Describe));
            return new(RoutineState.OnHold,
                $"Your routine is on hold ({(reasons.Length > 0 ? reasons : "screening")}). Please see a clinician; an occupational-health case worker will record when you are cleared to exercise.");
        }

        if (pauses.Any(p => p.Kind == PauseKind.Medical && p.From <= day && (p.Until is null || p.Until >= day)))
        {
            return new(RoutineState.Paused, "Your routine is paused for medical reasons; your streak is frozen. End the pause when you are ready to exercise again.");
        }

        return sessionLogged
            ? new(RoutineState.DoneToday, "Today's session is logged. Well done.")
            : new(RoutineState.Ready, "Do each exercise as described; stop if it hurts rather than stretches.");
    }

    /// <summary>
    /// What a new screening does: a held result starts a hold from today unless one is open. A result
    /// that is not held never lifts a hold (only clearance does), so the answer says the hold stays.
    /// </summary>
    public static ScreeningOutcome Screen(List<PauseRange> pauses, ScreeningOutcome outcome, DateOnly today)
    {
        var wasOnHold = IsOnHold(pauses);
        if (outcome.Held && !wasOnHold)
        {
            StartHold(pauses, today);
        }

        return wasOnHold && !outcome.Held
            ? outcome with
            {
                Held = true,
                Advice = "Your routine stays on hold until an occupational-health case worker records that you are cleared to exercise.",
            }
            : outcome;
    }

    /// <summary>A case worker's clearance ends the open hold today; false, with nothing changed, when there is none.</summary>
    public static bool Clear(List<PauseRange> pauses, DateOnly today)
    {
        var index = pauses.FindIndex(p => p.Kind == PauseKind.ScreeningHold && p.Until is null);
        if (index < 0)
        {
            return false;
        }

        pauses[index] = pauses[index] with { Until = today };
        return true;
    }

    /// <summary>A new screening hold from today. One that ended today is cut back to yesterday, so holds never share a day.</summary>
    private static void StartHold(List<PauseRange> pauses, DateOnly today)
    {
        var ended = pauses.FindLastIndex(p => p.Kind == PauseKind.ScreeningHold && p.Until == today);
        if (ended >= 0 && pauses[ended].From >= today)
        {
            pauses.RemoveAt(ended);
        }
        else if (ended >= 0)
        {
            pauses[ended] = pauses[ended] with { Until = today.AddDays(-1) };
        }

        pauses.Add(new PauseRange(today, null, PauseKind.ScreeningHold));
    }

    private static string Describe(HoldReason reason) => reason switch
    {
        HoldReason.SeverePain => "severe pain",
        HoldReason.RedFlag => "a red-flag symptom",
        HoldReason.RecentInjury => "a recent injury",
        _ => reason.ToString(),
    };
}
