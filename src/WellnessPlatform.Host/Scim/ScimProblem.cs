namespace WellnessPlatform.Host.Scim;

/// <summary>A refused SCIM request before it becomes an error response: the status, the RFC 7644 scimType (if one fits) and why.</summary>
public sealed record ScimProblem(int Status, string? ScimType, string Detail)
{
    public static ScimProblem InvalidValue(string detail) => new(StatusCodes.Status400BadRequest, "invalidValue", detail);

    public static ScimProblem InvalidSyntax(string detail) => new(StatusCodes.Status400BadRequest, "invalidSyntax", detail);
}
