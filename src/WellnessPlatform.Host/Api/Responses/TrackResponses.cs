namespace WellnessPlatform.Host.Api.Responses;

/// <summary>The person's care track: <c>current</c> is "wellness" or "therapeutic"; <c>periods</c> the stretches on the clinician-directed track, oldest first.</summary>
public sealed record TrackResponse(string Current, IReadOnlyList<TrackPeriodResponse> Periods);

/// <summary>A stretch on the clinician-directed track: its case, who directed it, who moved the person there and back, and the sessions recorded as treatment.</summary>
public sealed record TrackPeriodResponse(
    DateOnly From,
    DateOnly? Until,
    string IncidentId,
    string DirectedBy,
    string MovedBy,
    DateTimeOffset MovedAt,
    string? EndedBy,
    DateTimeOffset? EndedAt,
    int TreatmentSessions,
    DateOnly? LastTreatmentOn);
