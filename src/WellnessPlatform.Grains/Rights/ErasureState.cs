namespace WellnessPlatform.Grains.Rights;

/// <summary>
/// An erasure under way: what was asked, which steps are done and what they found. A fixed handful of
/// fields, so under 2 KiB whatever the person held; deleted when the erasure finishes.
/// </summary>
[GenerateSerializer, Alias("wp.ErasureState")]
public sealed class ErasureState
{
    /// <summary>A token subject's longest (OpenID Connect: at most 255 ASCII characters); roles are short names.</summary>
    public const int MaxActorLength = 255;

    /// <summary>Null when no erasure is under way.</summary>
    [Id(0)] public string? Reference { get; set; }

    [Id(1)] public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The tenant admin who asked; null when the person asked themselves (their id is the key already).</summary>
    [Id(2)] public string? RequestedBy { get; set; }

    [Id(3)] public string Role { get; set; } = string.Empty;

    [Id(4)] public ErasureSteps Done { get; set; }

    [Id(5)] public bool RoutineRemoved { get; set; }

    [Id(6)] public bool InvitationRemoved { get; set; }

    [Id(7)] public int CasesDisconnected { get; set; }

    [Id(8)] public int AuditEntriesChanged { get; set; }

    /// <summary>Set with the last data step; the erasure's own audit entry and the receipt carry it.</summary>
    [Id(9)] public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>Whether anything at all was held: if not, the erasure logs nothing and answers "not_enrolled".</summary>
    public bool FoundAnything => RoutineRemoved || InvitationRemoved || CasesDisconnected > 0 || AuditEntriesChanged > 0;
}
