namespace WellnessPlatform.Domain.Aggregates;

/// <summary>A person belongs to a department from a local day on, until the next period starts.</summary>
[GenerateSerializer, Immutable, Alias("wp.DepartmentPeriod")]
public sealed record DepartmentPeriod(
    [property: Id(0)] string Department,
    [property: Id(1)] DateOnly From);
