using WellnessPlatform.Domain.Incidents;
namespace WellnessPlatform.Contracts.Incidents;

/// <summary>One incident case (key: "{tenant}/incident-{id}").</summary>
public interface IIncidentGrain : IGrainWithStringKey
{
    /// <summary>Files the report; repeating the same report (a retry) returns the case unchanged.</summary>
    Task<Outcome<IncidentCase>> ReportAsync(string employeeId, IncidentReport report);

    Task<Outcome<IncidentCase>> GetAsync();

    /// <summary>
    /// The reporter's account was erased: the case stays (legal retention) but the reporter's id, in the
    /// case and its timeline, becomes <paramref name="erasureReference"/>. A case reported by someone else
    /// is left alone (NotFound "not_reporter").
    /// </summary>
    Task<Outcome<IncidentCase>> DisconnectReporterAsync(string employeeId, string erasureReference);

    /// <summary>Moves the case; a step the workflow does not allow is refused. A move to restricted duty may give its last day.</summary>
    Task<Outcome<IncidentCase>> TransitionAsync(IncidentStatus target, string actor, string? note, DateOnly? until = null);
}
