using WellnessPlatform.Contracts.Roster;

namespace WellnessPlatform.Grains.Roster;

/// <summary>The result of writing one person to the roster, with the department they had before, if any.</summary>
internal sealed record RosterEntry(Invitation Invitation, RosterChange Change, string? PreviousDepartment);
