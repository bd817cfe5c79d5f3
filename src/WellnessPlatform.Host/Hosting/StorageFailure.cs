using System.Text.RegularExpressions;
using Azure;
using Orleans.Storage;

namespace WellnessPlatform.Host.Hosting;

/// <summary>Whether a failure came from storage or the cluster, and if so whether a retry can ever succeed.</summary>
public enum StorageFailureKind
{
    /// <summary>Not a storage or cluster failure.</summary>
    None,

    /// <summary>An outage, a timeout, throttling or a lost ETag race: the same request may succeed later.</summary>
    Transient,

    /// <summary>Storage refused the write for good (too large, a bad key or value): the same request never succeeds.</summary>
    Permanent,
}

/// <summary>
/// The verdict on a failure, with <see cref="Reason"/> a low-cardinality tag for metrics: the Azure
/// Table error code of a permanent refusal (or "unknown"), empty otherwise.
/// </summary>
public readonly partial record struct StorageFailure(StorageFailureKind Kind, string Reason)
{
    public const string UnknownReason = "unknown";

    /// <summary>What Azure Table answers for an entity over its size limit; Orleans' own pre-check means the same.</summary>
    public const string EntityTooLarge = "EntityTooLarge";

    // Orleans' Azure Table grain storage refuses state over 15 × 64 KiB itself, before any request, with
    // an ArgumentOutOfRangeException with this message (its parameter name differs between Orleans
    // versions); the grain's storage bridge wraps it in an OrleansException, so it used to look like an outage.
    private const string OrleansStateTooLarge = "Data too large to write to Azure table";

    private const int MaxDepth = 16;

    public static StorageFailure Classify(Exception exception)
    {
        foreach (var inner in Chain(exception, 0))
        {
            if (inner is ArgumentOutOfRangeException tooLarge && tooLarge.Message.StartsWith(OrleansStateTooLarge, StringComparison.Ordinal))
            {
                return new(StorageFailureKind.Permanent, EntityTooLarge);
            }

            // 400 and 413 are the request itself (size, key, value, type): the same bytes are refused
            // every time. Everything else (5xx, 408, 429, 409/412 races, status 0 for a connection
            // that failed) can succeed later.
            if (inner is RequestFailedException refused && StatusAndCode(refused) is (StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge, var code))
            {
                return new(StorageFailureKind.Permanent, ReasonOf(code));
            }
        }

        return exception is RequestFailedException or InconsistentStateException or OrleansException or TimeoutException || IsSdkGivingUp(exception)
            ? new(StorageFailureKind.Transient, string.Empty)
            : new(StorageFailureKind.None, string.Empty);
    }

    // Orleans' exception codec carries a RequestFailedException from a grain on another silo without its
    // Status and ErrorCode (Status arrives as 0, as for a connection that failed); the "Status: 400 (Bad
    // Request)" and "ErrorCode: ..." lines the Azure SDK writes into the message do arrive.
    private static (int Status, string? Code) StatusAndCode(RequestFailedException exception)
    {
        if (exception.Status != 0)
        {
            return (exception.Status, exception.ErrorCode);
        }

        var status = StatusLine().Match(exception.Message);
        var code = ErrorCodeLine().Match(exception.Message);
        return status.Success && int.TryParse(status.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? (parsed, code.Success ? code.Groups[1].Value : null)
            : (0, null);
    }

    [GeneratedRegex(@"^Status: (\d{3})\b", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^ErrorCode: (\S+)\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ErrorCodeLine();

    // A call straight to a table (not through Orleans, e.g. the audit log) that failed every try of the
    // Azure SDK's retry policy arrives as an AggregateException of those tries' failures.
    private static bool IsSdkGivingUp(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: > 0 } tries && tries.InnerExceptions.All(e => e is RequestFailedException or TimeoutException);

    // Azure's codes are a fixed set of PascalCase words; anything else would be an unbounded tag value.
    private static string ReasonOf(string? errorCode) =>
        errorCode is { Length: > 0 and <= 64 } && errorCode.All(char.IsAsciiLetter) ? errorCode : UnknownReason;

    private static IEnumerable<Exception> Chain(Exception exception, int depth)
    {
        if (depth > MaxDepth)
        {
            yield break;
        }

        yield return exception;
        IEnumerable<Exception> inners = exception switch
        {
            AggregateException aggregate => aggregate.InnerExceptions,
            { InnerException: { } inner } => [inner],
            _ => [],
        };
        foreach (var next in inners)
        {
            foreach (var nested in Chain(next, depth + 1))
            {
                yield return nested;
            }
        }
    }
}
