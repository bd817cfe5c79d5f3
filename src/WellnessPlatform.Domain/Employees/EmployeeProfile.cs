namespace WellnessPlatform.Domain.Employees;

/// <summary>What a person gives at enrolment: the zone that decides their local days, their department and planned rest days.</summary>
public sealed record EmployeeProfile(string TimeZone, string Department, IReadOnlyList<DayOfWeek> RestDays);
