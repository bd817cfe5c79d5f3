using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Grains.Isolation;

namespace WellnessPlatform.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TenantIsolationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_call_made_for_one_tenant_cannot_reach_another_tenants_grains()
    {
        using (new TenantScope("iso-b"))
        {
            await fixture.CreateTenantAsync("iso-b");
        }

        using var scope = new TenantScope("iso-a");

        await Assert.ThrowsAsync<TenantBoundaryException>(() => fixture.Client.GetGrain<ITenantGrain>("iso-b").GetAdherenceAsync(4));
        await Assert.ThrowsAsync<TenantBoundaryException>(() =>
            fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee("iso-b", "e1")).GetProgressAsync());
    }

    [Fact]
    public async Task Calls_within_the_tenant_are_allowed()
    {
        using var scope = new TenantScope("iso-c");
        await fixture.CreateTenantAsync("iso-c");

        Assert.NotNull(await fixture.Client.GetGrain<ITenantGrain>("iso-c").GetConfigAsync());
    }
}
