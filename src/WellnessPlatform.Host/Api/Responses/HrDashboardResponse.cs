using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Incidents;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>What HR sees: anonymized adherence, incident counts by status (never contents), and the links.</summary>
public sealed record HrDashboardResponse(AdherenceReport Adherence, IReadOnlyDictionary<IncidentStatus, int> IncidentCounts, TenantLinks Links);
