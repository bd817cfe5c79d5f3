using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Host.Api.Requests;

/// <summary>One exercise in POST .../sessions.</summary>
public sealed record ExerciseEntryRequest(string? ExerciseId, int? Reps, int? HoldSeconds, string? Side);

/// <summary>
/// Body of POST .../sessions. Send the same clientSessionId when retrying: the session is counted once
/// and the retry gets the first receipt back.
/// </summary>
public sealed record LogSessionRequest(
    string? ClientSessionId,
    DateOnly? Day,
    DateTimeOffset? PerformedAt,
    IReadOnlyList<ExerciseEntryRequest>? Exercises,
    int? PainBefore,
    int? PainAfter)
{
    public LogSession ToCommand(List<FieldError> errors)
    {
        var exercises = new List<LoggedExercise>();
        for (var i = 0; i < (Exercises?.Count ?? 0); i++)
        {
            var e = Exercises![i];
            var path = $"exercises[{i}]";
            exercises.Add(new LoggedExercise(
                RequestParsing.Required(e.ExerciseId, $"{path}.exerciseId", errors),
                RequestParsing.Required(e.Reps, $"{path}.reps", errors),
                RequestParsing.Required(e.HoldSeconds, $"{path}.holdSeconds", errors),
                RequestParsing.Enum<Side>(e.Side, $"{path}.side", errors)));
        }

        return new LogSession(ClientSessionId ?? string.Empty, Day, PerformedAt, exercises, PainBefore, PainAfter);
    }
}
