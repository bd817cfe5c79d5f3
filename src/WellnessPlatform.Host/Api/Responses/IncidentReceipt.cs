namespace WellnessPlatform.Host.Api.Responses;

/// <summary>The employee's copy of their report, with the links for what comes next.</summary>
public sealed record IncidentReceipt(IncidentCaseResponse Case, TenantLinks Links);
