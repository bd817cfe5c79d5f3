namespace WellnessPlatform.Host.Api.Requests;

/// <summary>
/// Body of PUT .../employees/{employeeId}/track: <c>track</c> "therapeutic" (with the person's open
/// <c>incidentId</c> and <c>directedBy</c>, the clinician's name and role) or "wellness" to move them back.
/// </summary>
public sealed record TrackRequest(string? Track, string? IncidentId, string? DirectedBy);
