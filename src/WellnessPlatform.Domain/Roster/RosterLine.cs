namespace WellnessPlatform.Domain.Roster;

/// <summary>One person of a roster file: who, into which department, and the line they came from.</summary>
[GenerateSerializer, Immutable, Alias("wp.RosterLine")]
public sealed record RosterLine(
    [property: Id(0)] int Line,
    [property: Id(1)] string EmployeeId,
    [property: Id(2)] string Department);
