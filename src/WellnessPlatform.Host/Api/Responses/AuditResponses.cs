namespace WellnessPlatform.Host.Api.Responses;

/// <summary>A page of the audit log, newest first, with the token for the next page (null at the end).</summary>
public sealed record AuditLogResponse(IReadOnlyList<AuditEntryResponse> Entries, string? ContinuationToken);

/// <summary>One line of a tenant's audit log: who did what to which record, and when.</summary>
/// <param name="Action">What happened, for example "incident.read" or "consent.granted".</param>
/// <param name="Subject">The record concerned: an incident id or an employee id.</param>
/// <param name="Outcome">For a change: <c>pending</c> until it ends, then <c>done</c>, <c>refused: {code}</c> or <c>unknown</c>; null for a read.</param>
public sealed record AuditEntryResponse(DateTimeOffset At, string Actor, string Role, string Action, string Subject, string? Detail, string? Outcome = null);
