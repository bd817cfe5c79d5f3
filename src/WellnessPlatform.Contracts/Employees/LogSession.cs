using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Contracts.Employees;

/// <summary>A finished routine session. <paramref name="ClientSessionId"/> makes a retry count once.</summary>
/// <param name="ClientSessionId">Id the client generates once per session and repeats on retry.</param>
/// <param name="Day">Local day for a late entry; when null the session is for the local day of <paramref name="PerformedAt"/>.</param>
/// <param name="PerformedAt">When it was done; null means now.</param>
/// <param name="Exercises">What was done.</param>
/// <param name="PainBefore">Optional check-in before the session (0–10).</param>
/// <param name="PainAfter">Optional check-in after the session (0–10).</param>
[GenerateSerializer, Immutable, Alias("wp.LogSession")]
public sealed record LogSession(
    [property: Id(0)] string ClientSessionId,
    [property: Id(1)] DateOnly? Day,
    [property: Id(2)] DateTimeOffset? PerformedAt,
    [property: Id(3)] IReadOnlyList<LoggedExercise> Exercises,
    [property: Id(4)] int? PainBefore,
    [property: Id(5)] int? PainAfter);
