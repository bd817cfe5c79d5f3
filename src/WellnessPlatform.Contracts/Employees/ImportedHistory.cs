using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Contracts.Employees;

/// <summary>
/// History brought over from a previous programme (and the demo data): enrolment in the past, the
/// screening then, and dated sessions and check-ins. Accepted only by a person with no history yet.
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.ImportedHistory")]
public sealed record ImportedHistory(
    [property: Id(0)] DateOnly EnrolledOn,
    [property: Id(1)] Enrolment Enrolment,
    [property: Id(2)] ScreeningAnswers Screening,
    [property: Id(3)] IReadOnlyList<SessionRecord> Sessions,
    [property: Id(4)] IReadOnlyList<PainRecord> CheckIns);
