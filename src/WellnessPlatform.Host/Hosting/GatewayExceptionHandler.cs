using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Storage;
using WellnessPlatform.Grains.Isolation;

namespace WellnessPlatform.Host.Hosting;

/// <summary>
/// Turns failures into problem details without leaking internals: malformed bodies are 400 with the
/// JSON path at fault, storage or cluster outages are 503 with Retry-After (the write was not
/// acknowledged and may be retried with the same client id), anything else a bare 500.
/// </summary>
public sealed partial class GatewayExceptionHandler(IProblemDetailsService problems, ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, errors) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } =>
                (400, "The request body is not valid JSON for this route.", Field(json.Path)),
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                (413, "The request body is too large.", null),
            BadHttpRequestException bad =>
                (bad.StatusCode, "The request could not be read.", null),
            TenantBoundaryException =>
                (403, "Forbidden.", null),
            RequestFailedException or InconsistentStateException or OrleansException or TimeoutException =>
                (503, "The service cannot store this right now; nothing was recorded. Retry with the same client id.", null),
            _ => (500, "An unexpected error occurred.", null),
        };

        if (status >= 500)
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

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    // The serializer's own message names internal types; the path is what the caller needs.
    private static Dictionary<string, string[]> Field(string? path) =>
        new() { [string.IsNullOrEmpty(path) ? "$" : path] = ["This value is missing, malformed or of the wrong type."] };

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed with {ExceptionType}")]
    private static partial void LogFailure(ILogger logger, string exceptionType, Exception exception);
}
