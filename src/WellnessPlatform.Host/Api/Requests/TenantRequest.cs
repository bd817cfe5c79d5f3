using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Tenants;

namespace WellnessPlatform.Host.Api.Requests;

/// <summary>Body of PUT /api/tenants/{tenantId}. Omitted settings take their documented defaults.</summary>
public sealed record TenantRequest(
    string? Name,
    IReadOnlyList<string>? Departments,
    string? TimeZone,
    int? ParticipationThreshold,
    int? HealthThreshold,
    IReadOnlyList<int>? PhaseTargets,
    int? WeeksAtTargetToPromote,
    string? IncidentReportingUrl,
    string? WorkersCompensationUrl,
    int? AggregateShards,
    DifferentialPrivacyRequest? DifferentialPrivacy = null,
    string? CaseWorkEmail = null)
{
    public TenantConfig ToConfig(List<FieldError> errors)
    {
        var name = RequestParsing.Required(Name, "name", errors);
        var plan = PlanSettings.Default with
        {
            PhaseTargets = PhaseTargets ?? PlanSettings.Default.PhaseTargets,
            WeeksAtTargetToPromote = WeeksAtTargetToPromote ?? PlanSettings.Default.WeeksAtTargetToPromote,
        };
        var privacy = new PrivacyThresholds(
            ParticipationThreshold ?? PrivacyThresholds.Default.Participation,
            HealthThreshold ?? Math.Max(PrivacyThresholds.Default.Health, ParticipationThreshold ?? 0));
        return new TenantConfig(name, Departments ?? [], TimeZone ?? "Etc/UTC", privacy, plan,
            IncidentReportingUrl, WorkersCompensationUrl, AggregateShards ?? TenantConfig.DefaultShards,
            DifferentialPrivacy?.ToSettings(errors), CaseWorkAddress(CaseWorkEmail));
    }

    /// <summary>The team address as typed: blank removes it. The API and the admin page read it alike.</summary>
    public static string? CaseWorkAddress(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : typed.Trim();
}
