using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Contracts.Employees;

/// <summary>A session as recorded.</summary>
[GenerateSerializer, Immutable, Alias("wp.SessionRecord")]
public sealed record SessionRecord(
    [property: Id(0)] string ClientSessionId,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] DateTimeOffset RecordedAt,
    [property: Id(3)] IReadOnlyList<LoggedExercise> Exercises,
    [property: Id(4)] bool AsPrescribed);
