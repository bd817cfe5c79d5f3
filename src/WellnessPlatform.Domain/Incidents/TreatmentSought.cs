namespace WellnessPlatform.Domain.Incidents;

/// <summary>The care the employee received (OSHA Form 301 asks whether a clinician was seen and where).</summary>
public enum TreatmentSought
{
    None,
    FirstAid,
    Clinician,
    EmergencyRoom,
    Hospitalized,
}
