namespace WellnessPlatform.Contracts.Incidents;

/// <summary>
/// A tenant's incident queue (key: "{tenant}/incidents"). The queue is one table row per case, so this
/// grain holds nothing and runs as a stateless worker; its size never grows with the number of cases.
/// Case-work data: never read by the HR side except as counts.
/// </summary>
public interface IIncidentIndexGrain : IGrainWithStringKey
{
    /// <summary>Writes a case's queue line; the same line again changes nothing, and the status counts move with it.</summary>
    Task UpsertAsync(IncidentSummary summary);

    /// <summary>A page of the queue, newest first, filtered by status, age in days and reporter.</summary>
    Task<IncidentQueuePage> QueryAsync(IncidentQueueQuery query);

    /// <summary>How many cases are in each status: all the HR dashboard may know.</summary>
    Task<IReadOnlyDictionary<IncidentStatus, int>> CountsAsync();
}
