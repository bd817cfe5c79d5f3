namespace WellnessPlatform.Contracts.CareQueue;

/// <summary>A page of one kind of queue entries, and the token of the next page (null on the last).</summary>
[GenerateSerializer, Immutable, Alias("wp.CareQueuePage")]
public sealed record CareQueuePage(
    [property: Id(0)] IReadOnlyList<CareQueueItem> Items,
    [property: Id(1)] string? ContinuationToken);
