using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Domain.Employees;

/// <summary>A history from another system for a person who has not started: enrolment then, the screening then, dated sessions and check-ins.</summary>
public sealed record HistoryImport(
    DateOnly EnrolledOn,
    EmployeeProfile Profile,
    ScreeningAnswers Screening,
    IReadOnlyList<SessionRecord> Sessions,
    IReadOnlyList<PainRecord> CheckIns);
