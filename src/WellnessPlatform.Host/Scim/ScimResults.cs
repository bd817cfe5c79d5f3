namespace WellnessPlatform.Host.Scim;

/// <summary>SCIM answers: JSON as application/scim+json, and errors in the SCIM error schema.</summary>
public static class ScimResults
{
    public static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        TypedResults.Json(value, options: null, contentType: ScimSchemas.ContentType, statusCode: status);

    public static IResult Error(ScimProblem problem) =>
        Json(new ScimErrorResponse([ScimSchemas.Error], problem.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.ScimType, problem.Detail), problem.Status);

    public static IResult Error(int status, string? scimType, string detail) => Error(new ScimProblem(status, scimType, detail));

    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, null, "No user with this id.");
}
