using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Hosting;

/// <summary>
/// Turns failures into problem details without leaking internals: malformed bodies are 400 with the
/// JSON path at fault, storage or cluster outages are 503 with Retry-After (the write was not
/// acknowledged and may be retried with the same client id; it is never said not to have happened,
/// because even an ETag conflict can be the storage client's retry of a write that did land), a write storage refuses for good is 500
/// <c>storage_rejected</c> without Retry-After (a retry would fail the same way), anything else a bare 500.
/// </summary>
public sealed partial class GatewayExceptionHandler(IProblemDetailsService problems, ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public const string StorageRejectedCode = "storage_rejected";
    public const string IdentityProviderUnavailableCode = "identity_provider_unavailable";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var storage = StorageFailure.Classify(exception);
        var (status, title, errors, code) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } =>
                new Answer(400, "The request body is not valid JSON for this route.", Field(json.Path)),
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                new Answer(413, "The request body is too large."),
            BadHttpRequestException bad =>
                new Answer(bad.StatusCode, "The request could not be read."),
            TenantBoundaryException =>
                new Answer(403, "Forbidden."),
            IdentityProviderUnavailableException =>
                new Answer(503, "The identity provider that issued this token could not be reached to check it; nothing was done. Retry shortly.", Code: IdentityProviderUnavailableCode),
            _ when storage.Kind == StorageFailureKind.Permanent =>
                new Answer(500, "The service could not store this request, and retrying it will not help.", Code: StorageRejectedCode),
            _ when storage.Kind == StorageFailureKind.Transient =>
                new Answer(503, "The service did not finish in time; this may or may not have been recorded. Retry with the same client id: a repeat is never counted twice."),
            _ => new Answer(500, "An unexpected error occurred."),
        };

        if (code == StorageRejectedCode)
        {
            GatewayMetrics.RejectedByStorage(storage.Reason);
            LogStorageRejected(logger, storage.Reason, exception);
        }
        else if (status >= 500)
        {
            LogFailure(logger, exception.GetType().Name, exception);
        }

        httpContext.Response.StatusCode = status;
        if (status == 503)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title };
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private sealed record Answer(int Status, string Title, Dictionary<string, string[]>? Errors = null, string? Code = null);

    // The serializer's own message names internal types; the path is what the caller needs.
    private static Dictionary<string, string[]> Field(string? path) =>
        new() { [string.IsNullOrEmpty(path) ? "$" : path] = ["This value is missing, malformed or of the wrong type."] };

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed with {ExceptionType}")]
    private static partial void LogFailure(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage refused a write for good ({Reason}); the request was answered storage_rejected")]
    private static partial void LogStorageRejected(ILogger logger, string reason, Exception exception);
}
