using WellnessPlatform.Domain.Incidents;

namespace WellnessPlatform.Grains.Incidents;

/// <summary>
/// One case. Bounded by its own rules, never by time: five report fields and each timeline note of at
/// most <see cref="MaxTextLength"/> characters, actors of at most <see cref="MaxActorLength"/>, and a
/// timeline no longer than the workflow's longest path.
/// </summary>
[GenerateSerializer, Alias("wp.IncidentState")]
public sealed class IncidentState
{
    /// <summary>Each free-text field of a report, and each note: about a page, what a Form 301 box holds and more.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>Who reported or moved the case: a token subject (OpenID Connect allows 255 characters) or an erasure reference.</summary>
    public const int MaxActorLength = 255;

    /// <summary>
    /// Timeline entries: the report and one per transition. The workflow has no cycle, so its longest path
    /// (reported, triaged, in treatment, restricted duty, return to work, closed) bounds the timeline; a
    /// transition beyond it is refused (timeline_full), which only a workflow with a cycle could reach.
    /// </summary>
    public const int MaxTimelineEntries = 6;

    [Id(0)] public string? EmployeeId { get; set; }

    [Id(1)] public IncidentReport? Report { get; set; }

    [Id(2)] public DateTimeOffset ReportedAt { get; set; }

    [Id(3)] public List<IncidentTransition> Timeline { get; set; } = [];

    /// <summary>The last day of restricted duty, when the case worker gave one with the move to it.</summary>
    [Id(4)] public DateOnly? RestrictedUntil { get; set; }
}
