using System.Text.Json.Serialization;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>
/// An employer's settings, and how many people its roster takes. <c>caseWorkEmail</c> is left out when
/// none is set, and from the copy employees and HR read.
/// </summary>
public sealed record TenantResponse(
    string Name,
    IReadOnlyList<string> Departments,
    string TimeZone,
    PrivacyThresholdsResponse Privacy,
    PlanSettingsResponse Plan,
    string? IncidentReportingUrl,
    string? WorkersCompensationUrl,
    int AggregateShards,
    DifferentialPrivacyResponse? DifferentialPrivacy,
    int RosterCapacity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CaseWorkEmail);

/// <summary>Smallest groups the dashboard describes: participation figures, and the larger health figures.</summary>
public sealed record PrivacyThresholdsResponse(int Participation, int Health);

/// <summary>The progression rules in force: sessions a week per phase, and when to move up.</summary>
public sealed record PlanSettingsResponse(
    IReadOnlyList<int> PhaseTargets,
    int WeeksAtTargetToPromote,
    int PainRiseMargin,
    int PainRiseConsecutive,
    int LateEntryDays,
    int MaxMedicalPauseDays,
    int WeeksPerEarnedFreeze,
    int MaxFreezes,
    int PhaseCount);

/// <summary>Optional noise on published rates under a privacy budget.</summary>
public sealed record DifferentialPrivacyResponse(bool Enabled, double EpsilonPerRelease, double Budget);
