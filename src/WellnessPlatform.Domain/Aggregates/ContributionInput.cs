using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.Plans;

namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// What one person's share of the tenant aggregates is computed from. It never leaves the employee grain.
/// <paramref name="Treatment"/>: stretches on the clinician-directed track, whose weeks are left out
/// (<see cref="TreatmentExclusion"/>); <paramref name="Today"/> the person's local today, where a streak after treatment is counted to.
/// </summary>
public sealed record ContributionInput(
    ProgressReport Progress,
    IReadOnlyDictionary<DateOnly, int> SessionsPerWeek,
    IReadOnlyList<PainPoint> CheckIns,
    int? BaselinePain,
    IReadOnlyList<DepartmentPeriod> Departments,
    bool? ScreeningHeld,
    IReadOnlyList<TrackPeriod>? Treatment = null,
    DateOnly? Today = null);
