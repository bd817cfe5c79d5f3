namespace WellnessPlatform.Contracts.Employees;

/// <summary>Joining the programme: the person's IANA time zone decides which local day a session counts for.</summary>
[GenerateSerializer, Immutable, Alias("wp.Enrolment")]
public sealed record Enrolment(
    [property: Id(0)] string TimeZone,
    [property: Id(1)] string Department,
    [property: Id(2)] IReadOnlyList<DayOfWeek> RestDays);
