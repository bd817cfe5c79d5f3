using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Tenants;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>A tenant's settings and its HR figures to their API form.</summary>
internal static class TenantMapping
{
    public static TenantResponse ToResponse(this TenantConfig c) => new(
        c.Name, c.Departments, c.TimeZone, c.Privacy.ToResponse(), c.Plan.ToResponse(), c.IncidentReportingUrl, c.WorkersCompensationUrl,
        c.AggregateShards,
        c.DifferentialPrivacy is { } dp ? new DifferentialPrivacyResponse(dp.Enabled, dp.EpsilonPerRelease, dp.Budget) : null,
        c.RosterCapacity, c.CaseWorkEmail);

    public static PlanSettingsResponse ToResponse(this PlanSettings p) => new(
        p.PhaseTargets, p.WeeksAtTargetToPromote, p.PainRiseMargin, p.PainRiseConsecutive, p.LateEntryDays, p.MaxMedicalPauseDays,
        p.WeeksPerEarnedFreeze, p.MaxFreezes, p.PhaseCount);

    public static AdherenceResponse ToResponse(this AdherenceReport r) => new(
        r.Thresholds.ToResponse(), r.Departments,
        [.. r.Weeks.Select(w => new AdherenceWeekResponse(w.Week, w.Total.ToResponse(), w.Departments.ToDictionary(d => d.Key, d => d.Value.ToResponse()), w.StreakBands))],
        new ScreeningSummaryResponse(r.Screening.Screened, r.Screening.Held, r.Screening.Suppressed),
        r.StreakDistribution,
        r.DifferentialPrivacy is { } b ? new PrivacyBudgetResponse(b.EpsilonPerRelease, b.Budget, b.Spent, b.Withheld, b.Note) : null);

    private static PrivacyThresholdsResponse ToResponse(this PrivacyThresholds t) => new(t.Participation, t.Health);

    private static AdherenceCellResponse ToResponse(this AdherenceCell c) => new(
        c.Enrolled, c.Active, c.MeetingTarget, c.ShareMeetingTarget, c.Sessions, c.SessionsPerActive, c.MedianStreakWeeks, c.AveragePainChange,
        c.ParticipationSuppressed, c.HealthSuppressed, c.ActivitySuppressed, c.RatesNoised, c.RatesWithheld);
}
