using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.Incidents;

namespace WellnessPlatform.Host.Web;

/// <summary>What the pages call statuses and care: words a person reads, never the names in the code.</summary>
public static class Labels
{
    public static string Of(IncidentStatus status) => status switch
    {
        IncidentStatus.Reported => "Reported",
        IncidentStatus.Triaged => "Triaged",
        IncidentStatus.InTreatment => "In treatment",
        IncidentStatus.RestrictedDuty => "Restricted duty",
        IncidentStatus.ReturnToWork => "Back at work",
        IncidentStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public static string Of(TreatmentSought treatment) => treatment switch
    {
        TreatmentSought.None => "None yet",
        TreatmentSought.FirstAid => "First aid",
        TreatmentSought.Clinician => "Saw a doctor or clinician",
        TreatmentSought.EmergencyRoom => "Emergency room",
        TreatmentSought.Hospitalized => "Stayed in hospital",
        _ => treatment.ToString(),
    };

    public static string Of(RoutineState state) => state switch
    {
        RoutineState.Ready => "Ready for today",
        RoutineState.DoneToday => "Done for today",
        RoutineState.NeedsScreening => "Screening first",
        RoutineState.OnHold => "On hold until cleared",
        RoutineState.Paused => "Paused",
        _ => state.ToString(),
    };

    public static string Of(CareTrack track) => track switch
    {
        CareTrack.Wellness => "Wellness routine",
        CareTrack.Therapeutic => "Clinician-directed treatment",
        _ => track.ToString(),
    };
}
