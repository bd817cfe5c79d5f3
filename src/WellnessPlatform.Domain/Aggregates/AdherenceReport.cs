namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// What an employer may see: counts and rates per completed ISO week and department, small groups
/// suppressed, each week frozen once released. The streak distribution is the latest week's.
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.AdherenceReport")]
public sealed record AdherenceReport(
    [property: Id(0)] PrivacyThresholds Thresholds,
    [property: Id(1)] IReadOnlyList<string> Departments,
    [property: Id(2)] IReadOnlyList<AdherenceWeek> Weeks,
    [property: Id(3)] ScreeningSummary Screening,
    [property: Id(4)] IReadOnlyDictionary<string, int>? StreakDistribution,
    [property: Id(5)] PrivacyBudgetStatus? DifferentialPrivacy = null);
