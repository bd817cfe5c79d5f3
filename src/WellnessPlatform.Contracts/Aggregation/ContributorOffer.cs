using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Contracts.Aggregation;

/// <summary>
/// One contributor's stored outbox as offered to its shard, with the contributor's promise that it will
/// never resend a sequence at or below <see cref="SettledThrough"/> (see <see cref="ITenantAggregateShardGrain.ApplyAsync"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.ContributorOffer")]
public sealed record ContributorOffer(
    [property: Id(0)] Guid Contributor,
    [property: Id(1)] IReadOnlyList<OutboxEntry> Entries,
    [property: Id(2)] long SettledThrough);
