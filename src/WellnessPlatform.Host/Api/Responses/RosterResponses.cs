namespace WellnessPlatform.Host.Api.Responses;

/// <summary>An employee's invitation into a department: when, and by whom.</summary>
public sealed record InvitationResponse(string EmployeeId, string Department, DateTimeOffset InvitedAt, string InvitedBy);

/// <summary>
/// Progress and result of a roster upload; <c>phase</c> is "running", "completed" or "interrupted".
/// <c>errors</c> lists the first refused lines, <c>rejected</c> counts them all.
/// </summary>
public sealed record RosterImportResponse(
    string ImportId,
    string Phase,
    int Lines,
    int Accepted,
    int Processed,
    int Created,
    int Moved,
    int Unchanged,
    int Rejected,
    IReadOnlyList<RosterLineErrorResponse> Errors,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string StartedBy);

/// <summary>Why one line of a roster file was refused: the line (1 is the header), the column and a reason.</summary>
public sealed record RosterLineErrorResponse(int Line, string Field, string Code, string Message);
