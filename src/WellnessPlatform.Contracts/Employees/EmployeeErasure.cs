namespace WellnessPlatform.Contracts.Employees;

/// <summary>What the employee grain did on erasure. It carries no health data: a tenant admin may ask for erasure.</summary>
/// <param name="LeftOn">The local day the person's share of the counters ended, as a leaver's.</param>
/// <param name="ForgottenByShard">The shard dropped the contributor token.</param>
[GenerateSerializer, Immutable, Alias("wp.EmployeeErasure")]
public sealed record EmployeeErasure(
    [property: Id(0)] DateOnly LeftOn,
    [property: Id(1)] bool ForgottenByShard);
