using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Domain.Roster;

namespace WellnessPlatform.Grains.Roster;

/// <summary>
/// A roster upload's stored progress: counts and at most <see cref="RosterImportStatus.MaxErrorsListed"/>
/// refused lines, never the file's people, so its size does not grow with the file.
/// </summary>
[GenerateSerializer, Alias("wp.RosterImportState")]
public sealed class RosterImportState
{
    [Id(0)] public ImportPhase Phase { get; set; }

    [Id(1)] public int Lines { get; set; }

    [Id(2)] public int Accepted { get; set; }

    [Id(3)] public int Processed { get; set; }

    [Id(4)] public int Created { get; set; }

    [Id(5)] public int Moved { get; set; }

    [Id(6)] public int Unchanged { get; set; }

    [Id(7)] public int Rejected { get; set; }

    [Id(8)] public List<RosterLineError> Errors { get; set; } = [];

    [Id(9)] public DateTimeOffset? StartedAt { get; set; }

    [Id(10)] public DateTimeOffset? FinishedAt { get; set; }

    [Id(11)] public string StartedBy { get; set; } = string.Empty;

    public RosterImportStatus ToStatus(string importId) => new(
        importId, Phase, Lines, Accepted, Processed, Created, Moved, Unchanged, Rejected, [.. Errors],
        StartedAt ?? DateTimeOffset.MinValue, FinishedAt, StartedBy);
}
