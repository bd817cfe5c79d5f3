using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Identity;
using WellnessPlatform.Contracts.Isolation;

namespace WellnessPlatform.Grains.Tests;

/// <summary>An issuer belongs to one tenant at a time, and only the tenant itself can claim or let it go.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IdentityProviderGrainTests(ClusterFixture fixture)
{
    private static IdentityProviderRegistration Registration(string issuer) =>
        new(issuer, "aud", new ClaimMapping("sub", "role", new Dictionary<string, string>()), DateTimeOffset.UtcNow);

    [Fact]
    public async Task An_issuer_registered_by_one_tenant_is_refused_to_another_until_released()
    {
        var issuer = $"https://idp.example.com/{Guid.NewGuid():N}";
        using (new TenantScope("idp-a"))
        {
            Assert.True((await Provider("idp-a").SetAsync(Registration(issuer))).IsOk);
        }

        using (new TenantScope("idp-b"))
        {
            var taken = await Provider("idp-b").SetAsync(Registration(issuer));
            Assert.Equal(OutcomeKind.Conflict, taken.Kind);
            Assert.Equal("issuer_taken", taken.Code);
            Assert.Null(await Provider("idp-b").GetAsync());
        }

        Assert.Equal("idp-a", await Issuer(issuer).GetTenantAsync());

        // Replacing the provider lets the old issuer go; then the other tenant may have it.
        using (new TenantScope("idp-a"))
        {
            Assert.True((await Provider("idp-a").SetAsync(Registration(issuer + "/v2"))).IsOk);
        }

        Assert.Null(await Issuer(issuer).GetTenantAsync());
        using (new TenantScope("idp-b"))
        {
            Assert.True((await Provider("idp-b").SetAsync(Registration(issuer))).IsOk);
        }

        Assert.Equal("idp-b", await Issuer(issuer).GetTenantAsync());
    }

    [Fact]
    public async Task The_issuer_grain_refuses_a_claim_or_release_for_any_tenant_but_the_acting_one()
    {
        var issuer = $"https://idp.example.com/{Guid.NewGuid():N}";
        using (new TenantScope("idp-c"))
        {
            await Assert.ThrowsAsync<TenantBoundaryException>(() => Issuer(issuer).ClaimAsync(issuer, "idp-d"));
            Assert.True(await Issuer(issuer).ClaimAsync(issuer, "idp-c"));
        }

        using (new TenantScope("idp-d"))
        {
            await Assert.ThrowsAsync<TenantBoundaryException>(() => Issuer(issuer).ReleaseAsync("idp-c"));
        }

        await Assert.ThrowsAsync<TenantBoundaryException>(() => Issuer(issuer).ReleaseAsync("idp-c"));
        Assert.Equal("idp-c", await Issuer(issuer).GetTenantAsync());

        // Another tenant's provider grain is out of reach altogether.
        using (new TenantScope("idp-d"))
        {
            await Assert.ThrowsAsync<TenantBoundaryException>(() => Provider("idp-c").RemoveAsync());
        }
    }

    private IIdentityProviderGrain Provider(string tenant) => fixture.Client.GetGrain<IIdentityProviderGrain>(GrainKeys.IdentityProvider(tenant));

    private IIssuerGrain Issuer(string issuer) => fixture.Client.GetGrain<IIssuerGrain>(GrainKeys.Issuer(issuer));
}
