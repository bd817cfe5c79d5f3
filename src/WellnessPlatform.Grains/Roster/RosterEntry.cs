using WellnessPlatform.Contracts.Roster;

namespace WellnessPlatform.Grains.Roster;

/// <summary>The result of writing one person to the roster.</summary>
internal sealed record RosterEntry(Invitation Invitation, RosterChange Change);
