using System.Net;
using System.Text.RegularExpressions;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// Erasure is a durable process: when a step fails the answer says it is recorded and names its
/// reference (never that nothing happened), and a repeat finishes the same process on another silo.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ErasurePendingTests(AzuriteFixture fixture)
{
    private const string T = "erase-pending";

    [Fact]
    public async Task An_erasure_whose_audit_step_fails_is_recorded_and_a_repeat_finishes_it_under_the_same_reference()
    {
        var service = AzuriteFixture.NewServiceId();
        string path;
        await using (var platform = fixture.NewPlatform(service))
        {
            await platform.CreateTenantAsync(T, "office");
            (_, path) = await platform.ReadyEmployeeAsync(T, "leaver", "office");
        }

        // The same platform with an audit table that storage refuses ("Tables" has the form of a table name,
        // so the host starts, but the name is reserved): the steps before the audit's are done.
        string reference;
        await using (var broken = fixture.NewPlatform(service, settings: new Dictionary<string, string> { ["WellnessPlatform:Audit:TableName"] = "Tables" }))
        {
            var (status, problem) = await broken.Admin(T).SendForAsync(HttpMethod.Delete, $"{path}?confirm=erase-my-data");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("erasure_pending", (string)problem!["code"]!);
            var detail = (string)problem["detail"]!;
            Assert.Contains("recorded", detail, StringComparison.Ordinal);
            reference = Reference().Match(detail).Value;
            Assert.NotEmpty(reference);
            Assert.Equal(HttpStatusCode.NotFound, (await broken.Employee(T, "leaver").SendForAsync(HttpMethod.Get, path)).Status);
        }

        await using (var platform = fixture.NewPlatform(service))
        {
            var receipt = await platform.Admin(T).SendOkAsync(HttpMethod.Delete, $"{path}?confirm=erase-my-data");
            Assert.Equal(reference, (string)receipt["erasureReference"]!);
            Assert.Contains(receipt["removed"]!.AsArray(), r => ((string)r!).StartsWith("routine record", StringComparison.Ordinal));
            Assert.Contains(receipt["removed"]!.AsArray(), r => (string)r! == "invitation");

            var audit = (await platform.Admin(T).SendOkAsync(HttpMethod.Get, $"/api/tenants/{T}/audit?pageSize=200"))["entries"]!.AsArray();
            Assert.Equal(reference, (string)Assert.Single(audit, e => (string)e!["action"]! == "employee.erased")!["subject"]!);
            Assert.DoesNotContain(audit, e => (string)e!["subject"]! == "leaver" || (string)e["actor"]! == "leaver");
            Assert.Equal(HttpStatusCode.NotFound, (await platform.Admin(T).SendForAsync(HttpMethod.Delete, $"{path}?confirm=erase-my-data")).Status);
        }
    }

    [GeneratedRegex("erased-[0-9a-f]{32}")]
    private static partial Regex Reference();
}
