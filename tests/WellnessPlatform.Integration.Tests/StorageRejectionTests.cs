using System.Net;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Grains;
using WellnessPlatform.Grains.Employees;
using WellnessPlatform.Host.Hosting;
using Xunit.Abstractions;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// A write that Azure Table storage (here Azurite) refuses for good is answered 500 storage_rejected,
/// never a 503 that invites a retry, and is counted once; a real outage still answers 503 with Retry-After.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageRejectionTests(AzuriteFixture fixture, ITestOutputHelper output)
{
    // Orleans' Azure Table grain storage keeps state in at most 15 properties of 64 KiB.
    private const int OrleansStateLimitBytes = 15 * 64 * 1024;

    [Theory]
    [InlineData("property-over-64KiB", "PropertyValueTooLarge")]
    [InlineData("entity-over-1MiB", "EntityTooLarge")]
    [InlineData("key-with-a-hash", "InvalidInput")]
    public async Task A_write_azurite_refuses_for_good_is_answered_500_storage_rejected_without_retry_after(string shape, string reason)
    {
        var refused = await CaptureAsync(shape);
        output.WriteLine($"{shape}: status {refused.Status}, code {refused.ErrorCode}");

        Assert.Equal(new StorageFailure(StorageFailureKind.Permanent, reason), StorageFailure.Classify(refused));

        // Wrapped as Orleans' grain storage bridge wraps it, and after crossing silos (Orleans serializes it).
        await using var orleans = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = orleans.GetRequiredService<Serializer>();
        var wrapped = new OrleansException("Error from storage provider AzureTableGrainStorage.employee during WriteStateAsync", refused);
        var received = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(wrapped))!;
        Assert.Equal(new StorageFailure(StorageFailureKind.Permanent, reason), StorageFailure.Classify(received));

        using var probe = new StorageRejectionProbe();
        var answer = await GatewayHandlerHarness.HandleAsync(refused);

        AssertStorageRejected(answer);
        Assert.Equal([reason], probe.Reasons);
    }

    [Fact]
    public async Task Storage_that_cannot_be_reached_is_still_503_with_retry_after_and_not_counted_as_rejected()
    {
        var nothingListens = fixture.Azurite.ConnectionString.Replace($":{fixture.Azurite.Port}/", $":{Ports.Free()}/", StringComparison.Ordinal);
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        var table = new TableClient(nothingListens, "Unreachable", options);
        var failed = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpsertEntityAsync(new TableEntity("p", "r")));
        output.WriteLine($"unreachable: status {failed.Status}, inner {failed.InnerException?.GetType().FullName}");

        Assert.Equal(StorageFailureKind.Transient, StorageFailure.Classify(failed).Kind);

        using var probe = new StorageRejectionProbe();
        var answer = await GatewayHandlerHarness.HandleAsync(failed);

        Assert.Equal(503, answer.Status);
        Assert.Equal(GatewayExceptionHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.RetryAfter);
        Assert.Null(answer.Problem["code"]);
        Assert.Empty(probe.Reasons);
    }

    [Fact]
    public async Task A_grain_state_grown_past_the_table_limit_is_answered_500_storage_rejected_on_every_try()
    {
        const string tenant = "big";
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(tenant, "office");

        // A real person's stored state (enrolled, screened, one session), read back as Orleans stores it.
        var (model, modelPath) = await platform.ReadyEmployeeAsync(tenant, "model", "office");
        await model.LogSessionAsync(modelPath, "model-first");
        var storage = platform.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);
        var read = new GrainState<EmployeeState>(new EmployeeState());
        await storage.ReadStateAsync(StorageNames.EmployeeState, EmployeeGrainId(tenant, "model"), read);
        Assert.Single(read.State!.Sessions);

        // The same person as "grown", before that grain ever activates, with as many sessions yesterday as
        // fit under the limit (far past the daily cap, which only new sessions meet): the grain loads it,
        // and the next session, today, pushes its write over.
        const string newSession = "c-0f8e4d1c9b7a4e3f8a2b6c5d4e3f2a1b";
        var serializer = platform.Services.GetRequiredService<Serializer>();
        var grown = Grown(read.State!, serializer);
        Assert.InRange(StoredBytes(serializer, grown), OrleansStateLimitBytes - 1024, OrleansStateLimitBytes);
        var plusOne = grown.Sessions[^1] with { ClientSessionId = newSession };
        grown.Sessions.Add(plusOne);
        Assert.True(StoredBytes(serializer, grown) > OrleansStateLimitBytes, "one more session must not fit");
        grown.Sessions.Remove(plusOne);
        await storage.WriteStateAsync(StorageNames.EmployeeState, EmployeeGrainId(tenant, "grown"), new GrainState<EmployeeState>(grown));

        var http = platform.Employee(tenant, "grown");
        var path = $"/api/tenants/{tenant}/employees/grown";
        using var probe = new StorageRejectionProbe();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            // The same client id both times: had the failed write left the session in memory, the retry
            // would answer 200 "duplicate" for a session that was never stored.
            using var response = await http.PostAsync($"{path}/sessions", System.Net.Http.Json.JsonContent.Create(new { clientSessionId = newSession, exercises = Api.Routine }));
            var answer = new GatewayHandlerHarness.Answer((int)response.StatusCode, response.Headers.RetryAfter?.ToString(),
                response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());

            AssertStorageRejected(answer);
        }

        Assert.Equal(["EntityTooLarge", "EntityTooLarge"], probe.Reasons);

        // Storage and what the person is shown both still hold exactly what was there before.
        var after = new GrainState<EmployeeState>(new EmployeeState());
        await storage.ReadStateAsync(StorageNames.EmployeeState, EmployeeGrainId(tenant, "grown"), after);
        Assert.Equal(grown.Sessions.Count, after.State!.Sessions.Count);
        var (status, sessions) = await http.SendForAsync(HttpMethod.Get, $"{path}/sessions");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(grown.Sessions.Count, sessions!.AsArray().Count);
        Assert.DoesNotContain(sessions.AsArray(), s => (string?)s!["clientSessionId"] == newSession);

        // The exception the gateway's endpoint sees from the grain call, as Orleans 10 shapes it.
        using (TenantContext.System(Api.TestActor, tenant))
        {
            var employee = platform.Services.GetRequiredService<IGrainFactory>().GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenant, "grown"));
            var thrown = await Assert.ThrowsAnyAsync<Exception>(() => employee.LogSessionAsync(new LogSession(newSession, null, null, plusOne.Exercises, null, null)));
            for (Exception? e = thrown; e is not null; e = e.InnerException)
            {
                output.WriteLine($"{e.GetType().FullName}: {(e as ArgumentException)?.ParamName}");
            }

            // Orleans 10.4.2: the bridge's OrleansException around the provider's own size check.
            Assert.IsType<OrleansException>(thrown);
            Assert.Equal("dataSize", Assert.IsType<ArgumentOutOfRangeException>(thrown.InnerException).ParamName);
            Assert.Equal(new StorageFailure(StorageFailureKind.Permanent, "EntityTooLarge"), StorageFailure.Classify(thrown));

            // From a grain on another silo the exception arrives serialized: the verdict must survive that.
            var received = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(thrown))!;
            Assert.Equal(new StorageFailure(StorageFailureKind.Permanent, "EntityTooLarge"), StorageFailure.Classify(received));
        }
    }

    private static void AssertStorageRejected(GatewayHandlerHarness.Answer answer)
    {
        Assert.Equal((int)HttpStatusCode.InternalServerError, answer.Status);
        Assert.Null(answer.RetryAfter);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal("storage_rejected", (string?)answer.Problem["code"]);
        Assert.Contains("retrying it will not help", (string?)answer.Problem["title"], StringComparison.Ordinal);

        // Nothing about the inside: no exception types, storage codes or stack frames.
        foreach (var leak in new[] { "Exception", "Orleans", "Azure", "TooLarge", "GrainState", "   at " })
        {
            Assert.DoesNotContain(leak, answer.Body, StringComparison.Ordinal);
        }
    }

    private async Task<RequestFailedException> CaptureAsync(string shape)
    {
        var table = new TableClient(fixture.Azurite.ConnectionString, "Rejected" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        var entity = shape switch
        {
            // Azure Table strings hold at most 64 KiB (32 K UTF-16 characters).
            "property-over-64KiB" => new TableEntity("p", "r") { ["Text"] = new string('x', 35 * 1024) },

            // An entity holds at most 1 MiB in all: eighteen binary properties of 60 KiB are over it.
            "entity-over-1MiB" => Enumerable.Range(0, 18).Aggregate(new TableEntity("p", "r"), (e, i) =>
            {
                e[$"Data{i}"] = new byte[60 * 1024];
                return e;
            }),

            // Keys may not contain '/', '\', '#' or '?' (Azurite answers '/' with a 500, '#' with a 400).
            "key-with-a-hash" => new TableEntity("tenant#employee", "r"),
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };

        return await Assert.ThrowsAsync<RequestFailedException>(() => table.UpsertEntityAsync(entity));
    }

    private static GrainId EmployeeGrainId(string tenant, string employee) =>
        GrainId.Create(GrainTypes.Employee, GrainKeys.Employee(tenant, employee));

    // What the Azure Table provider checks against its limit: the state through the grain-storage
    // serializer the host configures (Orleans' binary format; see SiloHostingExtensions).
    private static int StoredBytes(Serializer serializer, EmployeeState state) =>
        new OrleansGrainStorageSerializer(serializer).Serialize(state).ToMemory().Length;

    /// <summary>
    /// A copy of <paramref name="model"/> under a new contributor token, with nothing emitted to the
    /// shards yet, holding as many copies of its session (all yesterday, so retention keeps them) as fit.
    /// </summary>
    private static EmployeeState Grown(EmployeeState model, Serializer serializer)
    {
        var state = serializer.Deserialize<EmployeeState>(serializer.SerializeToArray(model))!;
        state.ContributorToken = Guid.NewGuid();
        state.Emitted = [];
        state.Outbox = [];
        state.LastSequence = 0;

        // The exercises list is one shared instance, as the grain keeps it, so each copy costs a few dozen bytes.
        // The copies are yesterday's (retention keeps them), so today's session is not refused by the daily cap.
        var session = state.Sessions[0];
        state.EnrolledOn = state.EnrolledOn.AddDays(-1);
        SessionRecord Copy(int i) => session with { ClientSessionId = $"b{i:D6}", Day = session.Day.AddDays(-1), RecordedAt = session.RecordedAt.AddDays(-1).AddSeconds(i) };

        var before = StoredBytes(serializer, state);
        state.Sessions.AddRange(Enumerable.Range(1, 1000).Select(Copy));
        var each = (StoredBytes(serializer, state) - before) / 1000.0;
        var next = 1001;
        state.Sessions.AddRange(Enumerable.Range(next, (int)((OrleansStateLimitBytes - StoredBytes(serializer, state)) / each) - 50).Select(Copy));
        next = state.Sessions.Count;
        while (true)
        {
            state.Sessions.Add(Copy(next++));
            if (StoredBytes(serializer, state) > OrleansStateLimitBytes)
            {
                state.Sessions.RemoveAt(state.Sessions.Count - 1);
                return state;
            }
        }
    }
}
