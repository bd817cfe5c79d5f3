using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain;

namespace WellnessPlatform.Host.Api.Requests;

/// <summary>Body of POST .../enrolment. The department comes from the tenant admin's invitation.</summary>
public sealed record EnrolRequest(string? TimeZone, IReadOnlyList<string>? RestDays)
{
    public Enrolment ToCommand(string department, List<FieldError> errors) => new(
        RequestParsing.Required(TimeZone, "timeZone", errors),
        department,
        RequestParsing.Enums<DayOfWeek>(RestDays, "restDays", errors));
}
