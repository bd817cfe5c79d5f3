namespace WellnessPlatform.Domain.Incidents;

/// <summary>
/// The case workflow: reported → triaged → in treatment → restricted duty / return to work → closed.
/// A triaged case that needs no treatment may close; restricted duty may end in return to work.
/// </summary>
public static class IncidentWorkflow
{
    private static readonly Dictionary<IncidentStatus, IncidentStatus[]> Next = new()
    {
        [IncidentStatus.Reported] = [IncidentStatus.Triaged],
        [IncidentStatus.Triaged] = [IncidentStatus.InTreatment, IncidentStatus.Closed],
        [IncidentStatus.InTreatment] = [IncidentStatus.RestrictedDuty, IncidentStatus.ReturnToWork],
        [IncidentStatus.RestrictedDuty] = [IncidentStatus.ReturnToWork, IncidentStatus.Closed],
        [IncidentStatus.ReturnToWork] = [IncidentStatus.Closed],
        [IncidentStatus.Closed] = [],
    };

    public static IReadOnlyList<IncidentStatus> AllowedFrom(IncidentStatus status) => Next[status];

    public static bool IsAllowed(IncidentStatus from, IncidentStatus to) => Next[from].Contains(to);
}
