using WellnessPlatform.Domain;

namespace WellnessPlatform.Host.Api.Requests;

/// <summary>Body of POST .../enrolment. The department comes from the tenant admin's invitation.</summary>
public sealed record EnrolRequest(string? TimeZone, IReadOnlyList<string>? RestDays)
{
    /// <summary>The fields, parsed; what is missing or malformed goes to <paramref name="errors"/>.</summary>
    public (string TimeZone, IReadOnlyList<DayOfWeek> RestDays) Parse(List<FieldError> errors) =>
        (RequestParsing.Required(TimeZone, "timeZone", errors), RequestParsing.Enums<DayOfWeek>(RestDays, "restDays", errors));
}
