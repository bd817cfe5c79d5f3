namespace WellnessPlatform.Host.Api.Responses;

/// <summary>Anonymized adherence per released ISO week and department, small groups suppressed.</summary>
public sealed record AdherenceResponse(
    PrivacyThresholdsResponse Thresholds,
    IReadOnlyList<string> Departments,
    IReadOnlyList<AdherenceWeekResponse> Weeks,
    ScreeningSummaryResponse Screening,
    IReadOnlyDictionary<string, int>? StreakDistribution,
    PrivacyBudgetResponse? DifferentialPrivacy);

/// <summary>One released week: the tenant total, a cell per department, and streak bands (null when hidden).</summary>
public sealed record AdherenceWeekResponse(
    string Week,
    AdherenceCellResponse Total,
    IReadOnlyDictionary<string, AdherenceCellResponse> Departments,
    IReadOnlyDictionary<string, int>? StreakBands);

/// <summary>Figures of one group in one week; a null figure is suppressed because the group is too small.</summary>
public sealed record AdherenceCellResponse(
    int? Enrolled,
    int? Active,
    int? MeetingTarget,
    double? ShareMeetingTarget,
    int? Sessions,
    double? SessionsPerActive,
    int? MedianStreakWeeks,
    double? AveragePainChange,
    bool ParticipationSuppressed,
    bool HealthSuppressed,
    bool ActivitySuppressed,
    bool RatesNoised,
    bool RatesWithheld);

/// <summary>Screening outcomes across the tenant (null when the group is too small).</summary>
public sealed record ScreeningSummaryResponse(int? Screened, int? Held, bool Suppressed);

/// <summary>The differential-privacy ledger as HR sees it, and why rates may be missing.</summary>
public sealed record PrivacyBudgetResponse(double EpsilonPerRelease, double Budget, double Spent, int Withheld, string? Note);
