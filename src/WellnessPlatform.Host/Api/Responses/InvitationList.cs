namespace WellnessPlatform.Host.Api.Responses;

/// <summary>A page of invitations, how many people the roster holds, and how many it can take.</summary>
public sealed record InvitationList(IReadOnlyList<InvitationResponse> Items, string? ContinuationToken, long Total, int Capacity);
