namespace WellnessPlatform.Contracts;

/// <summary>
/// Who acts, as the audit log records it: the caller's subject and main role. In Contracts, beside
/// <see cref="Isolation.TenantContext"/>, because any caller (gateway, job, test) names it, not only the HTTP host.
/// </summary>
public sealed record Actor(string Subject, string Role);
