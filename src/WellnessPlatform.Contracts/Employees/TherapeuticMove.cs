namespace WellnessPlatform.Contracts.Employees;

/// <summary>A case worker's move of a person to the clinician-directed track, for one of their open work-related cases.</summary>
/// <param name="IncidentId">The case the treatment is for.</param>
/// <param name="DirectedBy">The directing clinician's name and role, as the case worker gives them.</param>
/// <param name="MovedBy">The acting case worker (their token subject).</param>
[GenerateSerializer, Immutable, Alias("wp.TherapeuticMove")]
public sealed record TherapeuticMove(
    [property: Id(0)] string IncidentId,
    [property: Id(1)] string DirectedBy,
    [property: Id(2)] string MovedBy);
