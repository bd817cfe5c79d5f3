using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Domain.Employees;

/// <summary>
/// The care gate's side of the record: screening, the hold until a case worker clears it, medical
/// pauses, rest days, restricted exercises and consent. <see cref="CareGate"/> holds the rules.
/// </summary>
public sealed partial class EmployeeRecord
{
    public bool OnHold => CareGate.IsOnHold(Pauses);

    /// <summary>What the care gate says about a local day: may the person exercise, and if not, why.</summary>
    public CareVerdict CareOn(DateOnly day) =>
        CareGate.On(day, ScreeningOutcome, Pauses, Sessions.Any(s => s.Day == day));

    public Decision<ScreeningOutcome> Screen(ScreeningAnswers answers, DateTimeOffset now)
    {
        var errors = ScreeningRules.Validate(answers);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        var outcome = ScreeningRules.Evaluate(answers);
        var answer = CareGate.Screen(Pauses, outcome, TodayAt(now));
        Screening = answers;
        ScreeningOutcome = outcome;
        ScreenedAt = now;
        return new Decision<ScreeningOutcome>(null, true, answer);
    }

    /// <summary>A medical pause from a local day (today when not given) until an optional last day.</summary>
    public Decision StartPause(DateOnly? from, DateOnly? until, DateTimeOffset now)
    {
        var today = TodayAt(now);
        var start = from ?? today;
        var errors = MedicalPauses.Validate(start, until, today, Plan);
        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        if (MedicalPauses.InPlaceFrom(Pauses, start))
        {
            return Refusal.Conflict("already_paused", "A medical pause is already in place; end it before starting another.");
        }

        if (Pauses.Count >= MaxPauses)
        {
            return Refusal.Conflict("too_many_pauses", $"At most {MaxPauses} recent pauses are kept; try again once older ones have passed.");
        }

        Pauses.Add(new PauseRange(start, until, PauseKind.Medical));
        return Decision.Change;
    }

    public Decision EndPause(DateTimeOffset now) =>
        MedicalPauses.End(Pauses, TodayAt(now)) ? Decision.Change : Refusal.Conflict("not_paused", "There is no medical pause to end.");

    public Decision SetRestDays(IReadOnlyList<DayOfWeek> days, DateTimeOffset now)
    {
        if (EmployeeRules.RestDays(days) is { } error)
        {
            return Refusal.Invalid(error);
        }

        SetRestDayRule(days, TodayAt(now));
        return Decision.Change;
    }

    /// <summary>A case worker records that a held person is cleared to exercise: the hold ends today.</summary>
    public Decision RecordClearance(string clearedBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(clearedBy) || clearedBy.Length > MaxActorLength)
        {
            return Refusal.Invalid(new FieldError("clearedBy", "invalid", $"The case worker is named by 1–{MaxActorLength} characters."));
        }

        if (!CareGate.Clear(Pauses, TodayAt(now)))
        {
            return Refusal.Conflict("not_on_hold", "This person's routine is not on hold.");
        }

        ClearedAt = now;
        ClearedBy = clearedBy;
        return Decision.Change;
    }

    /// <summary>A case worker takes single exercises out of the person's routine (or puts them back).</summary>
    public Decision SetRestrictions(IReadOnlyList<string> exerciseIds)
    {
        var unknown = exerciseIds.Where(id => ExerciseCatalog.Schedulable.All(e => e.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            return Refusal.Invalid(new FieldError("exerciseIds", "unknown_exercise", $"Not routine exercises: {string.Join(", ", unknown)}."));
        }

        RestrictedExercises = [.. exerciseIds.Distinct()];
        return Decision.Change;
    }

    public Decision SetCaseWorkerConsent(bool granted)
    {
        var changed = CaseWorkerConsent != granted;
        CaseWorkerConsent = granted;
        return changed ? Decision.Change : Decision.Unchanged;
    }

    /// <summary>Rest days change from next Monday: a week already under way is not rewritten.</summary>
    internal void SetRestDayRule(IReadOnlyList<DayOfWeek>? days, DateOnly today)
    {
        var from = LocalCalendar.WeekStart(today).AddDays(7);
        var wanted = (days ?? []).Distinct().Order().ToList();
        var currentRule = RestDays.Where(r => r.EffectiveFrom <= from).MaxBy(r => r.EffectiveFrom);
        if ((currentRule?.Days ?? []).Order().SequenceEqual(wanted))
        {
            return;
        }

        RestDays.RemoveAll(r => r.EffectiveFrom >= from);
        RestDays.Add(new RestDayRule(from, wanted));
    }
}
