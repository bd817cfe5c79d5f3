namespace WellnessPlatform.Domain.Roster;

/// <summary>A parsed roster file: the lines that can land, and every line that cannot, with why.</summary>
public sealed record RosterFile(IReadOnlyList<RosterLine> Lines, IReadOnlyList<RosterLineError> Errors, int DataLines);
