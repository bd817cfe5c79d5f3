using WellnessPlatform.Contracts.Roster;

namespace WellnessPlatform.Grains.Roster;

[GenerateSerializer, Alias("wp.RosterState")]
public sealed class RosterState
{
    [Id(0)] public Dictionary<string, Invitation> Invitations { get; set; } = [];
}
