namespace WellnessPlatform.Host.Api.Requests;

/// <summary>Body of POST .../incidents/{incidentId}/transitions; <c>until</c> (yyyy-MM-dd) is restricted duty's last day, only with a move to it.</summary>
public sealed record TransitionRequest(string? To, string? Note, DateOnly? Until = null);

/// <summary>Body of PUT .../consent.</summary>
public sealed record ConsentRequest(bool? Granted);

/// <summary>Body of PUT /api/tenants/{tenantId}/invitations/{employeeId}.</summary>
public sealed record InvitationRequest(string? Department);
