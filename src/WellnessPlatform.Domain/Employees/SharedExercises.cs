using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Domain.Employees;

/// <summary>
/// Most sessions repeat the same routine, so an activation keeps one copy of each distinct exercise
/// list and the catalog's own id strings, rather than a fresh copy per deserialized session. It keeps
/// memory per activated employee small; nothing about the stored data changes.
/// </summary>
public static class SharedExercises
{
    public static IReadOnlyList<LoggedExercise> Share(IReadOnlyList<LoggedExercise> exercises, IReadOnlyList<LoggedExercise>? previous)
    {
        if (previous is not null && previous.SequenceEqual(exercises))
        {
            return previous;
        }

        return [.. exercises.Select(e => ExerciseCatalog.Find(e.ExerciseId) is { } known && !ReferenceEquals(known.Id, e.ExerciseId)
            ? e with { ExerciseId = known.Id }
            : e)];
    }

    /// <summary>Re-points every stored session at shared lists; run once per activation.</summary>
    public static void ShareAll(List<SessionRecord> sessions)
    {
        IReadOnlyList<LoggedExercise>? previous = null;
        for (var i = 0; i < sessions.Count; i++)
        {
            var shared = Share(sessions[i].Exercises, previous);
            if (!ReferenceEquals(shared, sessions[i].Exercises))
            {
                sessions[i] = sessions[i] with { Exercises = shared };
            }

            previous = shared;
        }
    }
}
