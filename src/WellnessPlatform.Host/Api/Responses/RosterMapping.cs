using WellnessPlatform.Contracts.Roster;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>Invitations and roster uploads to their API form.</summary>
internal static class RosterMapping
{
    public static InvitationResponse ToResponse(this Invitation i) => new(i.EmployeeId, i.Department, i.InvitedAt, i.InvitedBy);

    public static RosterImportResponse ToResponse(this RosterImportStatus s) => new(
        s.ImportId, WireEnum.Name(s.Phase), s.Lines, s.Accepted, s.Processed, s.Created, s.Moved, s.Unchanged, s.Rejected,
        [.. s.Errors.Select(e => new RosterLineErrorResponse(e.Line, e.Field, e.Code, e.Message))],
        s.StartedAt, s.FinishedAt, s.StartedBy);
}
