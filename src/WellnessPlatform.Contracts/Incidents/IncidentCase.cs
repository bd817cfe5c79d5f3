using WellnessPlatform.Domain.Incidents;
namespace WellnessPlatform.Contracts.Incidents;

/// <summary>A case as the case worker sees it.</summary>
/// <param name="Form301DueBy">The employer's OSHA Form 301 is due within 7 calendar days of learning of the incident.</param>
/// <param name="AllowedNext">The statuses the case may move to from here.</param>
/// <param name="RestrictedUntil">The last day of restricted duty, when one was given.</param>
[GenerateSerializer, Immutable, Alias("wp.IncidentCase")]
public sealed record IncidentCase(
    [property: Id(0)] string IncidentId,
    [property: Id(1)] string EmployeeId,
    [property: Id(2)] IncidentReport Report,
    [property: Id(3)] DateTimeOffset ReportedAt,
    [property: Id(4)] IncidentStatus Status,
    [property: Id(5)] IReadOnlyList<IncidentTransition> Timeline,
    [property: Id(6)] DateTimeOffset Form301DueBy,
    [property: Id(7)] IReadOnlyList<IncidentStatus> AllowedNext,
    [property: Id(8)] DateOnly? RestrictedUntil = null);
