namespace WellnessPlatform.Domain.Roster;

/// <summary>Why one line of a roster file was refused: the line (1 is the header), the column and a reason.</summary>
[GenerateSerializer, Immutable, Alias("wp.RosterLineError")]
public sealed record RosterLineError(
    [property: Id(0)] int Line,
    [property: Id(1)] string Field,
    [property: Id(2)] string Code,
    [property: Id(3)] string Message);
