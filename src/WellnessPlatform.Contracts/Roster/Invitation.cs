namespace WellnessPlatform.Contracts.Roster;

/// <summary>A tenant admin's invitation of an employee into a department.</summary>
[GenerateSerializer, Immutable, Alias("wp.Invitation")]
public sealed record Invitation(
    [property: Id(0)] string EmployeeId,
    [property: Id(1)] string Department,
    [property: Id(2)] DateTimeOffset InvitedAt,
    [property: Id(3)] string InvitedBy);
