using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Incidents;

namespace WellnessPlatform.Grains.Incidents;

/// <summary>The cases one person reported, for their export and their erasure.</summary>
public static class ReporterCases
{
    /// <summary>
    /// Every case the person reported, all pages read before any is changed: erasure rewrites the reporter
    /// on the very rows the query filters on.
    /// </summary>
    public static async Task<List<IncidentSummary>> AllAsync(IGrainFactory grains, string tenantId, string employeeId)
    {
        var index = grains.GetGrain<IIncidentIndexGrain>(GrainKeys.IncidentIndex(tenantId));
        var cases = new List<IncidentSummary>();
        string? token = null;
        do
        {
            var page = await index.QueryAsync(new IncidentQueueQuery(EmployeeId: employeeId, PageSize: IncidentQueueQuery.MaxPageSize, ContinuationToken: token));
            cases.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return cases;
    }
}
