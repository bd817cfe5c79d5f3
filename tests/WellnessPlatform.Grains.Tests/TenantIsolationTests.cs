using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Screening;

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

    [Fact]
    public async Task A_call_that_acts_for_no_tenant_and_no_system_actor_is_refused()
    {
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee("iso-d", "e1"));
        using (new TenantScope("iso-d"))
        {
            await fixture.CreateTenantAsync("iso-d");
            Assert.True((await employee.EnrolAsync(new Enrolment("Etc/UTC", "office", []))).IsOk);
        }

        Assert.Null(TenantContext.Current);
        Assert.Null(TenantContext.SystemActor);
        await Assert.ThrowsAsync<TenantBoundaryException>(() => fixture.Client.GetGrain<ITenantGrain>("iso-d").GetConfigAsync());
        await Assert.ThrowsAsync<TenantBoundaryException>(() => employee.GetProgressAsync());
        await Assert.ThrowsAsync<TenantBoundaryException>(() => employee.ScreenAsync(new ScreeningAnswers(3, false, false, [])));

        // Refused before the grain ran: the screening above changed nothing.
        using (new TenantScope("iso-d"))
        {
            Assert.Null((await employee.GetStatusAsync()).Value!.Screening);
        }
    }

    [Fact]
    public async Task A_named_system_actor_may_call_and_a_tenant_acting_caller_may_call_its_own_tenant()
    {
        using (TenantContext.System("iso-operator"))
        {
            Assert.Equal("iso-operator", TenantContext.SystemActor);
            await fixture.CreateTenantAsync("iso-e");
            Assert.NotNull(await fixture.Client.GetGrain<ITenantGrain>("iso-e").GetConfigAsync());
        }

        Assert.Null(TenantContext.SystemActor);
        using (TenantContext.ActFor("iso-e"))
        {
            Assert.NotNull(await fixture.Client.GetGrain<ITenantGrain>("iso-e").GetConfigAsync());
        }
    }

    [Fact]
    public async Task A_system_scope_inside_a_tenants_request_cannot_widen_it_to_another_tenant()
    {
        using (new TenantScope("iso-g"))
        {
            await fixture.CreateTenantAsync("iso-g");
        }

        using var request = TenantContext.ActFor("iso-f");

        Assert.Throws<TenantBoundaryException>(() => TenantContext.System("reconciler", "iso-g"));
        Assert.Equal("iso-f", TenantContext.Current);
        using (TenantContext.System("reconciler"))
        {
            Assert.Equal("iso-f", TenantContext.Current);
            await Assert.ThrowsAsync<TenantBoundaryException>(() => fixture.Client.GetGrain<ITenantGrain>("iso-g").GetConfigAsync());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("Demo Seed")]
    [InlineData("tenant/employee")]
    public void A_system_actor_has_a_plain_name(string actor) =>
        Assert.Throws<ArgumentException>(() => TenantContext.System(actor));
}
