namespace WellnessPlatform.Domain.Incidents;

/// <summary>
/// A work-related incident as the employee reports it, with what occupational-health teams file
/// anyway (OSHA Form 301 style).
/// </summary>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Location">Where it happened.</param>
/// <param name="Activity">What the employee was doing just before.</param>
/// <param name="WhatHappened">How the injury occurred.</param>
/// <param name="Injury">The injury or illness.</param>
/// <param name="BodyPart">The part of the body affected.</param>
/// <param name="Treatment">Care received so far.</param>
/// <param name="PrivacyCase">Keep the employee's name off anything beyond the case workers.</param>
[GenerateSerializer, Immutable, Alias("wp.IncidentReport")]
public sealed record IncidentReport(
    [property: Id(0)] DateTimeOffset OccurredAt,
    [property: Id(1)] string Location,
    [property: Id(2)] string Activity,
    [property: Id(3)] string WhatHappened,
    [property: Id(4)] string Injury,
    [property: Id(5)] string BodyPart,
    [property: Id(6)] TreatmentSought Treatment,
    [property: Id(7)] bool PrivacyCase);
