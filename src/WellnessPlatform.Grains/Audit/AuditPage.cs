namespace WellnessPlatform.Grains.Audit;

/// <summary>A page of audit entries, newest first, with the token for the next page (null at the end).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? ContinuationToken);
