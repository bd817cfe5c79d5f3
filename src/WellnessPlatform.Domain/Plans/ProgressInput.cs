namespace WellnessPlatform.Domain.Plans;

/// <summary>Everything the progress rules read: the person's history up to today, in local days.</summary>
/// <param name="EnrolledOn">First day on the plan.</param>
/// <param name="Today">The person's local today.</param>
/// <param name="SessionDays">Days with a session, at least from the checkpoint on.</param>
/// <param name="CheckIns">Pain check-ins in the order given, at least from the checkpoint on.</param>
/// <param name="BaselinePain">Screening pain score the check-ins are read against.</param>
/// <param name="Pauses">Medical pauses and screening holds.</param>
/// <param name="RestDays">Planned rest-day rules.</param>
/// <param name="Plan">The tenant's progression rules.</param>
/// <param name="Checkpoint">Replay from here rather than from enrolment.</param>
/// <param name="CheckInOffset">How many check-ins were compacted away before <paramref name="CheckIns"/>[0].</param>
public sealed record ProgressInput(
    DateOnly EnrolledOn,
    DateOnly Today,
    IReadOnlySet<DateOnly> SessionDays,
    IReadOnlyList<PainPoint> CheckIns,
    int? BaselinePain,
    IReadOnlyList<PauseRange> Pauses,
    IReadOnlyList<RestDayRule> RestDays,
    PlanSettings Plan,
    ProgressCheckpoint? Checkpoint = null,
    long CheckInOffset = 0);
