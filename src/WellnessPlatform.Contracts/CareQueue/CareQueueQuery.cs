using WellnessPlatform.Domain.CareQueue;

namespace WellnessPlatform.Contracts.CareQueue;

/// <summary>Which page of one kind of queue entries to read: at most <see cref="PageSize"/>, after the previous page's token.</summary>
[GenerateSerializer, Immutable, Alias("wp.CareQueueQuery")]
public sealed record CareQueueQuery(
    [property: Id(0)] CareQueueKind Kind,
    [property: Id(1)] int PageSize = CareQueueQuery.DefaultPageSize,
    [property: Id(2)] string? ContinuationToken = null)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;
}
