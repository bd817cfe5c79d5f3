using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Domain.Employees;

/// <summary>A session as the person enters it, before it is checked.</summary>
public sealed record SessionEntry(
    string ClientSessionId,
    DateOnly? Day,
    DateTimeOffset? PerformedAt,
    IReadOnlyList<LoggedExercise>? Exercises,
    int? PainBefore,
    int? PainAfter);
