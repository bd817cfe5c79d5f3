namespace WellnessPlatform.Domain.Employees;

/// <summary>What a session is checked against: the clock in the person's zone, their enrolment and plan, and their record so far.</summary>
public sealed record SessionContext(
    DateTimeOffset Now,
    DateOnly Today,
    TimeZoneInfo Zone,
    DateOnly EnrolledOn,
    int LateEntryDays,
    IReadOnlyCollection<string> Restricted,
    Func<DateOnly, int> SessionsOn,
    int MaxSessionsPerDay);
