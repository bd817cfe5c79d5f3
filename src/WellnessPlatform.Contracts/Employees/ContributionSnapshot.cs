using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Contracts.Employees;

/// <summary>A person's complete share of the tenant counters, recomputed from their history.</summary>
[GenerateSerializer, Immutable, Alias("wp.ContributionSnapshot")]
public sealed record ContributionSnapshot(
    [property: Id(0)] bool Enrolled,
    [property: Id(1)] IReadOnlyDictionary<CellKey, long> Counters,
    [property: Id(2)] int PendingCorrections);
