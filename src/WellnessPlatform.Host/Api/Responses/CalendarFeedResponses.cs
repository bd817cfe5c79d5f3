namespace WellnessPlatform.Host.Api.Responses;

/// <summary>The calendar feed: whether an address is issued, and the address to subscribe to (it is the secret: share it with no one).</summary>
public sealed record CalendarFeedResponse(bool Active, string? Url);
