using WellnessPlatform.Domain.Incidents;
namespace WellnessPlatform.Contracts.Incidents;

/// <summary>
/// Which page of a tenant's incident queue to read: optional status, age and reporter filters, at most
/// <see cref="PageSize"/> cases, and the token of the previous page (null for the first).
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.IncidentQueueQuery")]
public sealed record IncidentQueueQuery(
    [property: Id(0)] IncidentStatus? Status = null,
    [property: Id(1)] int? MaxAgeDays = null,
    [property: Id(2)] string? EmployeeId = null,
    [property: Id(3)] int PageSize = IncidentQueueQuery.DefaultPageSize,
    [property: Id(4)] string? ContinuationToken = null)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;
}
