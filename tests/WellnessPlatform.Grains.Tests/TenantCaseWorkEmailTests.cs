using System.Text.Json;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Tenants;

namespace WellnessPlatform.Grains.Tests;

/// <summary>The admin page's one change: the team address alone, checked like any change of settings.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TenantCaseWorkEmailTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Setting_the_team_address_changes_only_it_a_bad_one_changes_nothing_and_null_removes_it()
    {
        var tenantId = $"team-address-{Guid.NewGuid():N}"[..24];
        using var scope = new TenantScope(tenantId);
        var tenant = fixture.Client.GetGrain<ITenantGrain>(tenantId);
        Assert.Equal(OutcomeKind.NotFound, (await tenant.SetCaseWorkEmailAsync("team@example.com")).Kind);

        await fixture.CreateTenantAsync(tenantId);
        var before = (await tenant.GetConfigAsync())!;

        var set = await tenant.SetCaseWorkEmailAsync("team@example.com");
        Assert.True(set.IsOk);
        Assert.Equal(JsonSerializer.Serialize(before with { CaseWorkEmail = "team@example.com" }), JsonSerializer.Serialize(set.Value));
        Assert.Equal("team@example.com", (await tenant.GetCaseWorkRecipientAsync())!.Email);

        var refused = await tenant.SetCaseWorkEmailAsync("occupational health");
        Assert.Equal("caseWorkEmail", Assert.Single(refused.Errors).Field);
        Assert.Equal("team@example.com", (await tenant.GetConfigAsync())!.CaseWorkEmail);

        Assert.True((await tenant.SetCaseWorkEmailAsync(null)).IsOk);
        Assert.Null((await tenant.GetConfigAsync())!.CaseWorkEmail);
        Assert.Null(await tenant.GetCaseWorkRecipientAsync());
    }
}
