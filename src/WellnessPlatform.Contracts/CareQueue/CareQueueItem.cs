using WellnessPlatform.Domain.CareQueue;

namespace WellnessPlatform.Contracts.CareQueue;

/// <summary>
/// One entry of the case workers' queue: a person (awaiting clearance, pain rising) or a case (the
/// incident kinds). <see cref="Day"/> is when it dates from or is due: held since, latest raised pain
/// score, Form 301 due, restricted duty until, reported on. It carries no health detail beyond that.
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.CareQueueItem")]
public sealed record CareQueueItem(
    [property: Id(0)] CareQueueKind Kind,
    [property: Id(1)] string EmployeeId,
    [property: Id(2)] string? IncidentId,
    [property: Id(3)] DateOnly? Day)
{
    /// <summary>What the entry is keyed by within its kind: the case for incident kinds, else the person.</summary>
    public string Subject => IncidentId ?? EmployeeId;
}
