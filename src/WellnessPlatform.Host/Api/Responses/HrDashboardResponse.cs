namespace WellnessPlatform.Host.Api.Responses;

/// <summary>What HR sees: anonymized adherence, incident counts by status (never contents), and the links.</summary>
public sealed record HrDashboardResponse(AdherenceResponse Adherence, IReadOnlyDictionary<string, int> IncidentCounts, TenantLinks Links);
