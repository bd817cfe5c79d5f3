using WellnessPlatform.Grains.Audit;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>Audit rows to their API form.</summary>
internal static class AuditMapping
{
    public static AuditLogResponse ToResponse(this AuditPage page) => new(page.Entries.ToResponses(), page.ContinuationToken);

    public static IReadOnlyList<AuditEntryResponse> ToResponses(this IEnumerable<AuditEntry> entries) =>
        [.. entries.Select(e => new AuditEntryResponse(e.At, e.Actor, e.Role, e.Action, e.Subject, e.Detail, e.Outcome))];
}
