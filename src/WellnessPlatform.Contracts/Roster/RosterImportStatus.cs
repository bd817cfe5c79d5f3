using WellnessPlatform.Domain.Roster;

namespace WellnessPlatform.Contracts.Roster;

/// <summary>
/// Progress and result of one roster upload. <see cref="Errors"/> lists at most
/// <see cref="MaxErrorsListed"/> refused lines; <see cref="Rejected"/> counts them all.
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.RosterImportStatus")]
public sealed record RosterImportStatus(
    [property: Id(0)] string ImportId,
    [property: Id(1)] ImportPhase Phase,
    [property: Id(2)] int Lines,
    [property: Id(3)] int Accepted,
    [property: Id(4)] int Processed,
    [property: Id(5)] int Created,
    [property: Id(6)] int Moved,
    [property: Id(7)] int Unchanged,
    [property: Id(8)] int Rejected,
    [property: Id(9)] IReadOnlyList<RosterLineError> Errors,
    [property: Id(10)] DateTimeOffset StartedAt,
    [property: Id(11)] DateTimeOffset? FinishedAt,
    [property: Id(12)] string StartedBy)
{
    public const int MaxErrorsListed = 500;
}
