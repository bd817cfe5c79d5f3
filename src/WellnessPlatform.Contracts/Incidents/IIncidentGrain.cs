namespace WellnessPlatform.Contracts.Incidents;

/// <summary>One incident case (key: "{tenant}/incident-{id}").</summary>
public interface IIncidentGrain : IGrainWithStringKey
{
    /// <summary>Files the report; repeating the same report (a retry) returns the case unchanged.</summary>
    Task<Outcome<IncidentCase>> ReportAsync(string employeeId, IncidentReport report);

    Task<Outcome<IncidentCase>> GetAsync();

    /// <summary>Moves the case; a step the workflow does not allow is refused.</summary>
    Task<Outcome<IncidentCase>> TransitionAsync(IncidentStatus to, string actor, string? note);
}
