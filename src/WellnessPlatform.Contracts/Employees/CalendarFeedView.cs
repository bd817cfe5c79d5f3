namespace WellnessPlatform.Contracts.Employees;

/// <summary>The person's calendar feed: the secret of its address while one is issued, else null.</summary>
[GenerateSerializer, Immutable, Alias("wp.CalendarFeedView")]
public sealed record CalendarFeedView([property: Id(0)] string? Token);
