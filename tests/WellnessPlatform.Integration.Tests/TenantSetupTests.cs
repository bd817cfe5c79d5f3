using System.Net;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// Setting an employer up is the platform operator's: a tenant admin's token names a tenant, but it
/// does not create one. Once the operator has, the tenant admin keeps their settings up to date.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TenantSetupTests(AzuriteFixture fixture)
{
    private static object Settings(string name) => new
    {
        name, departments = new[] { "office" }, timeZone = "Europe/Berlin",
        participationThreshold = 5, healthThreshold = 10, aggregateShards = 2,
    };

    [Fact]
    public async Task A_tenant_admin_cannot_create_their_tenant_and_nothing_is_stored()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());

        var (status, problem) = await platform.Admin("fresh").SendForAsync(HttpMethod.Put, "/api/tenants/fresh", Settings("Fresh employer"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("operator_only", (string)problem!["code"]!);
        var (read, _) = await platform.Operator().SendForAsync(HttpMethod.Get, "/api/tenants/fresh");
        Assert.Equal(HttpStatusCode.NotFound, read);

        await platform.Operator().SendOkAsync(HttpMethod.Put, "/api/tenants/fresh", Settings("Fresh employer"));
        var updated = await platform.Admin("fresh").SendOkAsync(HttpMethod.Put, "/api/tenants/fresh", Settings("Fresh employer GmbH"));
        Assert.Equal("Fresh employer GmbH", (string)updated["name"]!);
    }
}
