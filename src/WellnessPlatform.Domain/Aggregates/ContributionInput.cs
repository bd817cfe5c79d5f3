using WellnessPlatform.Domain.Plans;

namespace WellnessPlatform.Domain.Aggregates;

/// <summary>What one person's share of the tenant aggregates is computed from. It never leaves the employee grain.</summary>
public sealed record ContributionInput(
    ProgressReport Progress,
    IReadOnlyDictionary<DateOnly, int> SessionsPerWeek,
    IReadOnlyList<PainPoint> CheckIns,
    int? BaselinePain,
    IReadOnlyList<DepartmentPeriod> Departments,
    bool? ScreeningHeld);
