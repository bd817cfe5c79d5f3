using WellnessPlatform.Domain.Tenants;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>Where to report a work-related incident and find workers'-compensation information.</summary>
public sealed record TenantLinks(string? IncidentReporting, string? WorkersCompensation)
{
    public static TenantLinks From(TenantConfig? config) => new(config?.IncidentReportingUrl, config?.WorkersCompensationUrl);
}
