namespace WellnessPlatform.Contracts.Roster;

/// <summary>One page of a tenant's invitations (bucket by bucket, id order within each); pass the token back for the next, null at the end.</summary>
[GenerateSerializer, Immutable, Alias("wp.InvitationPage")]
public sealed record InvitationPage(
    [property: Id(0)] IReadOnlyList<Invitation> Items,
    [property: Id(1)] string? ContinuationToken)
{
    /// <summary>The most invitations one page holds; a larger page size is served as this.</summary>
    public const int MaxPageSize = 1000;
}
