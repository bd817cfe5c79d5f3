using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Grains.Aggregation;

/// <summary>
/// What erased contributors left in a shard's counters, summed, kept as the counters are kept (open
/// weeks, plus folded membership once weeks are released): the reconciliation adds it to what it
/// recomputes from the members. Bounded like the counters, plus at most
/// <see cref="ForgottenTokens.Max"/> marks of tokens whose share is already included.
/// </summary>
[GenerateSerializer, Alias("wp.DepartedState")]
public sealed class DepartedState
{
    [Id(0)] public List<CounterRow> Rows { get; set; } = [];

    [Id(1)] public List<Guid> Included { get; set; } = [];
}
