
namespace WellnessPlatform.Domain.Sessions;

/// <summary>A session as recorded, with the pain scores given before and after it, if any.</summary>
[GenerateSerializer, Immutable, Alias("wp.SessionRecord")]
public sealed record SessionRecord(
    [property: Id(0)] string ClientSessionId,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] DateTimeOffset RecordedAt,
    [property: Id(3)] IReadOnlyList<LoggedExercise> Exercises,
    [property: Id(4)] bool AsPrescribed,
    [property: Id(5)] int? PainBefore = null,
    [property: Id(6)] int? PainAfter = null);
