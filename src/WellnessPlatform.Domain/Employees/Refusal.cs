namespace WellnessPlatform.Domain.Employees;

/// <summary>Why a command was refused; nothing changed. The grain answers it as the matching problem.</summary>
public sealed record Refusal(RefusalKind Kind, string Code, string? Detail, IReadOnlyList<FieldError> Errors)
{
    public static Refusal NotEnrolled { get; } = NotFound("not_enrolled", "This person has not enrolled in the programme.");

    public static Refusal TenantNotFound { get; } = NotFound("tenant_not_found", "This employer is not set up on the platform.");

    public static Refusal TooManyMoves { get; } = Conflict("too_many_department_moves",
        $"This person has {EmployeeRecord.MaxDepartmentPeriods} department moves in weeks not yet released to HR; move them again after the next weekly release.");

    public static Refusal CountersUnreachable { get; } = Conflict("counters_unreachable",
        "Your employer's anonymous counters have not been reachable for a long time; nothing was recorded. Please try again later.");

    public static Refusal Invalid(IReadOnlyList<FieldError> errors) => new(RefusalKind.Invalid, "invalid", null, errors);

    public static Refusal Invalid(FieldError error) => Invalid([error]);

    public static Refusal Conflict(string code, string detail) => new(RefusalKind.Conflict, code, detail, []);

    public static Refusal NotFound(string code, string detail) => new(RefusalKind.NotFound, code, detail, []);
}
