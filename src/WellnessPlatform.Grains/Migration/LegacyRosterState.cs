namespace WellnessPlatform.Grains.Migration;

/// <summary>The roster as one grain state, before one row per person: read once by <see cref="LegacyListMigration"/>.</summary>
[GenerateSerializer, Alias("wp.RosterState")]
public sealed class LegacyRosterState
{
    [Id(0)] public Dictionary<string, LegacyInvitation> Invitations { get; set; } = [];
}
