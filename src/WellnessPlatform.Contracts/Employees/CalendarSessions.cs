namespace WellnessPlatform.Contracts.Employees;

/// <summary>The planned sessions the calendar feed lists, as UTC instants of a fixed length; nothing about health.</summary>
[GenerateSerializer, Immutable, Alias("wp.CalendarSessions")]
public sealed record CalendarSessions(
    [property: Id(0)] IReadOnlyList<CalendarSession> Sessions,
    [property: Id(1)] TimeSpan Length);

/// <summary>One planned session: the person's local day and its start.</summary>
[GenerateSerializer, Immutable, Alias("wp.CalendarSession")]
public sealed record CalendarSession([property: Id(0)] DateOnly Day, [property: Id(1)] DateTimeOffset Start);
