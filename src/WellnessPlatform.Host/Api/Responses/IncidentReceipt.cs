using WellnessPlatform.Contracts.Incidents;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>The employee's copy of their report, with the links for what comes next.</summary>
public sealed record IncidentReceipt(IncidentCase Case, TenantLinks Links);
