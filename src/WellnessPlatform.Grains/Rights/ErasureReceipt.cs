namespace WellnessPlatform.Grains.Rights;

/// <summary>
/// The answer to an erasure. It holds no health data (a tenant admin may ask for erasure) and not the
/// employee id: only the reference that now stands in for it where records are kept.
/// </summary>
/// <param name="ErasureReference">Replaces the employee id in kept incident cases and audit entries.</param>
/// <param name="Removed">What was deleted from storage.</param>
/// <param name="Kept">What stays, and why.</param>
public sealed record ErasureReceipt(
    string ErasureReference,
    DateTimeOffset ErasedAt,
    IReadOnlyList<string> Removed,
    IReadOnlyList<RetainedRecord> Kept);
