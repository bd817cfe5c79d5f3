
namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// A correction one employee owes the tenant counters, numbered per contributor so the receiving
/// shard applies each exactly once however often it is re-sent.
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.OutboxEntry")]
public sealed record OutboxEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] IReadOnlyDictionary<CellKey, long> Delta);
