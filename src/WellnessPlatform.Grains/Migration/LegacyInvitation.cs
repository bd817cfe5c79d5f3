namespace WellnessPlatform.Grains.Migration;

/// <summary>An invitation as the one-state roster stored it: frozen with that format, apart from the message it became.</summary>
[GenerateSerializer, Immutable, Alias("wp.legacy.Invitation")]
public sealed record LegacyInvitation(
    [property: Id(0)] string EmployeeId,
    [property: Id(1)] string Department,
    [property: Id(2)] DateTimeOffset InvitedAt,
    [property: Id(3)] string InvitedBy);
