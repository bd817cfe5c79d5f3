namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// Department periods folded out of a person's history once the weeks they ended in were released:
/// the person joined, and later left, <paramref name="Department"/> this many times. The tenant keeps
/// the same joins and leaves folded, undated, per department (<see cref="CounterRetention"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.FoldedMembership")]
public sealed record FoldedMembership(
    [property: Id(0)] string Department,
    [property: Id(1)] int Periods);
