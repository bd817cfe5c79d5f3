namespace WellnessPlatform.Domain.Plans;

/// <summary>Everything the progress rules read: the person's history up to today, in local days.</summary>
public sealed record ProgressInput(
    DateOnly EnrolledOn,
    DateOnly Today,
    IReadOnlySet<DateOnly> SessionDays,
    IReadOnlyList<PainPoint> CheckIns,
    int? BaselinePain,
    IReadOnlyList<PauseRange> Pauses,
    IReadOnlyList<RestDayRule> RestDays,
    PlanSettings Plan);
