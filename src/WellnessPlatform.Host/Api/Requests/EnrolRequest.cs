using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain;

namespace WellnessPlatform.Host.Api.Requests;

/// <summary>Body of POST .../enrolment.</summary>
public sealed record EnrolRequest(string? TimeZone, string? Department, IReadOnlyList<string>? RestDays)
{
    public Enrolment ToCommand(List<FieldError> errors) => new(
        RequestParsing.Required(TimeZone, "timeZone", errors),
        RequestParsing.Required(Department, "department", errors),
        RequestParsing.Enums<DayOfWeek>(RestDays, "restDays", errors));
}
