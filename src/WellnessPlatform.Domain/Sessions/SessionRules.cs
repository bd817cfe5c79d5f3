using WellnessPlatform.Domain.Catalog;

namespace WellnessPlatform.Domain.Sessions;

/// <summary>Checks a logged session against the prescription before anything is recorded.</summary>
public static class SessionRules
{
    public const int MaxExercisesPerSession = 12;
    public const int MaxClientIdLength = 64;

    public static IReadOnlyList<FieldError> ValidateExercises(
        IReadOnlyList<LoggedExercise>? exercises, IReadOnlyCollection<string> restricted)
    {
        var errors = new List<FieldError>();
        if (exercises is null || exercises.Count == 0)
        {
            errors.Add(new FieldError("exercises", "required", "Log at least one exercise."));
            return errors;
        }

        if (exercises.Count > MaxExercisesPerSession)
        {
            errors.Add(new FieldError("exercises", "too_many", $"A session holds at most {MaxExercisesPerSession} exercise entries."));
            return errors;
        }

        for (var i = 0; i < exercises.Count; i++)
        {
            ValidateOne(exercises[i], $"exercises[{i}]", restricted, errors);
        }

        return errors;
    }

    private static void ValidateOne(LoggedExercise logged, string path, IReadOnlyCollection<string> restricted, List<FieldError> errors)
    {
        var exercise = ExerciseCatalog.Find(logged.ExerciseId ?? string.Empty);
        if (exercise is null)
        {
            errors.Add(new FieldError($"{path}.exerciseId", "unknown_exercise",
                $"'{logged.ExerciseId}' is not in the catalog. Known exercises: {string.Join(", ", ExerciseCatalog.Schedulable.Select(e => e.Id))}."));
            return;
        }

        if (exercise.Contraindicated || exercise.Prescription is null)
        {
            var alternative = ExerciseCatalog.Find(exercise.SaferAlternativeId ?? string.Empty)?.Name ?? "the routine's exercises";
            errors.Add(new FieldError($"{path}.exerciseId", "contraindicated",
                $"{exercise.Name}s are to be avoided with back pain and cannot be logged; do {alternative.ToLowerInvariant()}es instead."));
            return;
        }

        if (restricted.Contains(exercise.Id))
        {
            errors.Add(new FieldError($"{path}.exerciseId", "restricted",
                $"Your case worker has restricted the {exercise.Name.ToLowerInvariant()} for you; leave it out until they lift the restriction."));
            return;
        }

        var p = exercise.Prescription;
        if (logged.Reps < 1 || logged.Reps > p.LogMaxReps)
        {
            errors.Add(new FieldError($"{path}.reps", "out_of_range",
                $"Repetitions for the {exercise.Name.ToLowerInvariant()} must be from 1 to {p.LogMaxReps} (prescribed: {p.MinReps}–{p.MaxReps})."));
        }

        if (logged.HoldSeconds < 1 || logged.HoldSeconds > p.LogMaxHoldSeconds)
        {
            errors.Add(new FieldError($"{path}.holdSeconds", "out_of_range",
                $"The hold for the {exercise.Name.ToLowerInvariant()} must be from 1 to {p.LogMaxHoldSeconds} seconds (prescribed: {HoldText(p)})."));
        }

        if (p.PerSide && logged.Side is null)
        {
            errors.Add(new FieldError($"{path}.side", "required", $"Say which leg the {exercise.Name.ToLowerInvariant()} was done on: left, right or both."));
        }
        else if (!p.PerSide && logged.Side is not null)
        {
            errors.Add(new FieldError($"{path}.side", "not_applicable", $"The {exercise.Name.ToLowerInvariant()} is not done per leg; leave the side out."));
        }
        else if (logged.Side is { } side && !Enum.IsDefined(side))
        {
            errors.Add(new FieldError($"{path}.side", "invalid", "Side must be left, right or both."));
        }
    }

    /// <summary>Whether an entry meets the prescription (it may be logged either way; this is shown to the person).</summary>
    public static bool IsAsPrescribed(LoggedExercise logged)
    {
        var p = ExerciseCatalog.Find(logged.ExerciseId)?.Prescription;
        return p is not null
            && logged.Reps >= p.MinReps && logged.Reps <= p.MaxReps
            && logged.HoldSeconds >= p.MinHoldSeconds;
    }

    /// <summary>Refuses days in the future, before enrolment, or older than the late-entry window.</summary>
    public static FieldError? ValidateDay(DateOnly day, DateOnly today, DateOnly enrolledOn, int lateEntryDays, string field)
    {
        if (day > today)
        {
            return new FieldError(field, "in_future", "A session cannot be logged for a day that has not happened yet in your time zone.");
        }

        if (day < today.AddDays(-lateEntryDays))
        {
            return new FieldError(field, "too_late",
                $"Forgotten sessions can be logged up to {lateEntryDays} day(s) back; {day:yyyy-MM-dd} is too far in the past.");
        }

        if (day < enrolledOn)
        {
            return new FieldError(field, "before_enrolment", "A session cannot be logged for a day before you enrolled.");
        }

        return null;
    }

    public static FieldError? ValidateClientId(string? clientId, string field) =>
        string.IsNullOrWhiteSpace(clientId) || clientId.Length > MaxClientIdLength
            ? new FieldError(field, "required", $"Give a client-generated id (1–{MaxClientIdLength} characters) so that a retry is counted once.")
            : null;

    private static string HoldText(Prescription p) =>
        p.MinHoldSeconds == p.MaxHoldSeconds ? $"{p.MinHoldSeconds} s" : $"{p.MinHoldSeconds}–{p.MaxHoldSeconds} s";
}
