namespace WellnessPlatform.Contracts.Incidents;

/// <summary>A tenant's incident queue (key: "{tenant}/incidents"). Case-work data: never read by the HR side except as counts.</summary>
public interface IIncidentIndexGrain : IGrainWithStringKey
{
    Task UpsertAsync(IncidentSummary summary);

    /// <summary>The queue, newest first, optionally by status and by age in days.</summary>
    Task<IReadOnlyList<IncidentSummary>> QueryAsync(IncidentStatus? status, int? maxAgeDays, string? employeeId);

    /// <summary>How many cases are in each status: all the HR dashboard may know.</summary>
    Task<IReadOnlyDictionary<IncidentStatus, int>> CountsAsync();
}
