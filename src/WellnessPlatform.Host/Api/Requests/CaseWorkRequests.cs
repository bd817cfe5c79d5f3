namespace WellnessPlatform.Host.Api.Requests;

/// <summary>Body of POST .../incidents/{incidentId}/transitions.</summary>
public sealed record TransitionRequest(string? To, string? Note);

/// <summary>Body of PUT .../consent.</summary>
public sealed record ConsentRequest(bool? Granted);

/// <summary>Body of PUT /api/tenants/{tenantId}/invitations/{employeeId}.</summary>
public sealed record InvitationRequest(string? Department);
