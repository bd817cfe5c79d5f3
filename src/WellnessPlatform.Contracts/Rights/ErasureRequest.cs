namespace WellnessPlatform.Contracts.Rights;

/// <summary>Who asked for an erasure: the person themselves, or a tenant admin on their request.</summary>
/// <param name="RequestedBy">The caller's subject; the person's own id when they erase themselves.</param>
/// <param name="Role">The caller's main role, as the audit log names it.</param>
[GenerateSerializer, Immutable, Alias("wp.ErasureRequest")]
public sealed record ErasureRequest(
    [property: Id(0)] string RequestedBy,
    [property: Id(1)] string Role);
