using System.Net.Sockets;
using Azure;
using Orleans.Storage;
using WellnessPlatform.Host.Hosting;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// The classifier over the exception shapes Orleans 10's Azure Table grain storage produces: its grain
/// storage bridge wraps whatever the provider throws (an Azure <see cref="RequestFailedException"/>, or
/// its own size check's <see cref="ArgumentOutOfRangeException"/>) in an <see cref="OrleansException"/>;
/// ETag races arrive as <see cref="TableStorageUpdateConditionNotSatisfiedException"/>.
/// </summary>
public sealed class StorageFailureTests
{
    [Theory]
    [InlineData(400, "EntityTooLarge")]
    [InlineData(400, "PropertyValueTooLarge")]
    [InlineData(413, "RequestBodyTooLarge")]
    [InlineData(400, "InvalidInput")]
    [InlineData(400, "OutOfRangeInput")]
    [InlineData(400, "InvalidResourceName")]
    [InlineData(400, "KeyValueTooLarge")]
    [InlineData(400, "PropertiesNeedValue")]
    [InlineData(400, "InvalidValueType")]
    [InlineData(400, "InvalidDuplicateRow")]
    public void A_request_storage_refuses_is_permanent_with_the_azure_error_code_as_reason(int status, string code)
    {
        var refused = new RequestFailedException(status, "The service refused the request.", code, null);

        Assert.Equal(new StorageFailure(StorageFailureKind.Permanent, code), StorageFailure.Classify(refused));
        Assert.Equal(new StorageFailure(StorageFailureKind.Permanent, code), StorageFailure.Classify(AsOrleansWrapsIt(refused)));
    }

    [Fact]
    public void Orleans_own_size_check_is_permanent_and_reads_as_entity_too_large()
    {
        // As Orleans 10.4.2 throws it (later versions name the parameter "GrainState.Size" instead).
        var tooLarge = new ArgumentOutOfRangeException("dataSize", 983092, "Data too large to write to Azure table. Size=983092 MaxSize=983040");

        Assert.Equal(new StorageFailure(StorageFailureKind.Permanent, "EntityTooLarge"), StorageFailure.Classify(AsOrleansWrapsIt(tooLarge)));
    }

    [Fact]
    public void Another_argument_error_wrapped_by_orleans_is_not_mistaken_for_a_size_refusal()
    {
        var other = new ArgumentOutOfRangeException("dataSize", "Something else entirely.");

        Assert.Equal(StorageFailureKind.Transient, StorageFailure.Classify(AsOrleansWrapsIt(other)).Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Entity Too Large")]
    [InlineData("tenant-42/employee-7")]
    [InlineData("AVeryLongCodeThatNoStorageServiceWouldEverSendAndThatWouldOnlyBloatTheMetricSeries")]
    public void A_refusal_without_a_plain_error_code_is_counted_as_unknown(string? code)
    {
        var refused = new RequestFailedException(400, "Bad request.", code, null);

        Assert.Equal(new StorageFailure(StorageFailureKind.Permanent, "unknown"), StorageFailure.Classify(AsOrleansWrapsIt(refused)));
    }

    [Theory]
    [InlineData(503, "ServerBusy")]
    [InlineData(500, "InternalError")]
    [InlineData(408, "OperationTimedOut")]
    [InlineData(429, null)]
    [InlineData(403, "AuthenticationFailed")]
    [InlineData(404, "TableNotFound")]
    public void Outages_throttling_and_server_errors_stay_transient(int status, string? code)
    {
        var failed = new RequestFailedException(status, "Try later.", code, null);

        Assert.Equal(StorageFailureKind.Transient, StorageFailure.Classify(failed).Kind);
        Assert.Equal(StorageFailureKind.Transient, StorageFailure.Classify(AsOrleansWrapsIt(failed)).Kind);
    }

    [Fact]
    public void A_connection_that_failed_is_transient()
    {
        // The Azure SDK reports a refused connection as status 0 around the socket error.
        var refused = new RequestFailedException(0, "Connection refused (127.0.0.1:1)", null,
            new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));

        Assert.Equal(StorageFailureKind.Transient, StorageFailure.Classify(AsOrleansWrapsIt(refused)).Kind);
    }

    [Theory]
    [InlineData("\n", "Status: 400 (Bad Request)", "ErrorCode: EntityTooLarge", StorageFailureKind.Permanent, "EntityTooLarge")]
    [InlineData("\r\n", "Status: 413 (Request Entity Too Large)", "ErrorCode: RequestBodyTooLarge", StorageFailureKind.Permanent, "RequestBodyTooLarge")]
    [InlineData("\n", "Status: 400 (Bad Request)", "", StorageFailureKind.Permanent, "unknown")]
    [InlineData("\n", "Status: 503 (Service Unavailable)", "ErrorCode: ServerBusy", StorageFailureKind.Transient, "")]
    [InlineData("\n", "", "", StorageFailureKind.Transient, "")]
    public void After_crossing_silos_the_verdict_is_read_from_the_sdk_message_lines(string newline, string statusLine, string codeLine, StorageFailureKind kind, string reason)
    {
        // Orleans' codec delivers the RequestFailedException with Status 0 and no ErrorCode, message intact.
        var message = string.Join(newline, "The entity is larger than the maximum size permitted.", "RequestId:1", statusLine, codeLine, "", "Content:", "{}");
        var received = new RequestFailedException(0, message, null, null);

        Assert.Equal(new StorageFailure(kind, reason), StorageFailure.Classify(AsOrleansWrapsIt(received)));
    }

    [Fact]
    public void The_sdk_giving_up_after_its_retries_of_a_table_call_is_transient()
    {
        // As the Azure SDK throws it for a table called directly (the audit log), not through Orleans.
        RequestFailedException Refused() => new(0, "Connection refused (127.0.0.1:1)", null,
            new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));
        var gaveUp = new AggregateException("Retry failed after 4 tries.", Refused(), Refused(), Refused(), Refused());

        Assert.Equal(StorageFailureKind.Transient, StorageFailure.Classify(gaveUp).Kind);
        Assert.Equal(StorageFailureKind.None, StorageFailure.Classify(new AggregateException(new InvalidOperationException("A bug."))).Kind);
    }

    [Fact]
    public void A_lost_etag_race_is_transient()
    {
        var precondition = new RequestFailedException(412, "The update condition specified in the request was not satisfied.", "UpdateConditionNotSatisfied", null);
        var race = new TableStorageUpdateConditionNotSatisfiedException("employee", "wp-employee/t1+e1", "OrleansGrainState", "Unknown", "W/\"1\"", precondition);

        Assert.Equal(StorageFailureKind.Transient, StorageFailure.Classify(race).Kind);
    }

    [Fact]
    public void Timeouts_are_transient_and_other_failures_are_not_storage_failures()
    {
        Assert.Equal(StorageFailureKind.Transient, StorageFailure.Classify(new TimeoutException()).Kind);
        Assert.Equal(StorageFailureKind.None, StorageFailure.Classify(new InvalidOperationException("A bug.")).Kind);
    }

    [Fact]
    public void A_refusal_inside_an_aggregate_is_found()
    {
        var refused = AsOrleansWrapsIt(new RequestFailedException(400, "Too large.", "EntityTooLarge", null));
        var aggregate = new AggregateException(new TimeoutException(), refused);

        Assert.Equal(new StorageFailure(StorageFailureKind.Permanent, "EntityTooLarge"), StorageFailure.Classify(aggregate));
    }

    // What Orleans' StateStorageBridge does with any provider exception that is not already an OrleansException.
    private static OrleansException AsOrleansWrapsIt(Exception providerException) =>
        new($"Error from storage provider AzureTableGrainStorage.wellness during WriteState for grain wp-employee/t1+e1{Environment.NewLine} {providerException}", providerException);
}
