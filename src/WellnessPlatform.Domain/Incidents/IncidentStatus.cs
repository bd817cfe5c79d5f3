namespace WellnessPlatform.Domain.Incidents;

/// <summary>Where an incident case stands in the occupational-health workflow.</summary>
public enum IncidentStatus
{
    Reported,
    Triaged,
    InTreatment,
    RestrictedDuty,
    ReturnToWork,
    Closed,
}
