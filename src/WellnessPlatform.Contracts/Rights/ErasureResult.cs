namespace WellnessPlatform.Contracts.Rights;

/// <summary>A finished erasure. It names no person and holds no health data: a tenant admin may ask for it.</summary>
/// <param name="Reference">Stands in for the person's id in kept incident cases and audit entries.</param>
/// <param name="RoutineRemoved">The routine record and contributor token were deleted (the person was enrolled).</param>
/// <param name="InvitationRemoved">The roster row was deleted.</param>
[GenerateSerializer, Immutable, Alias("wp.ErasureResult")]
public sealed record ErasureResult(
    [property: Id(0)] string Reference,
    [property: Id(1)] DateTimeOffset ErasedAt,
    [property: Id(2)] bool RoutineRemoved,
    [property: Id(3)] bool InvitationRemoved);
