using WellnessPlatform.Contracts.Identity;
using WellnessPlatform.Grains.Identity;
using WellnessPlatform.Grains.Scim;
using Xunit.Abstractions;

namespace WellnessPlatform.Grains.Tests.StateBounds;

/// <summary>
/// The sign-in states hold fixed fields, each bounded where the gateway reads it: a registration's
/// texts (256 characters) and at most 32 mapped role values, an issuer's tenant, a SCIM secret's hash.
/// </summary>
public sealed class IdentityStateBoundTests(ITestOutputHelper output)
{
    private const int MaxText = 256;
    private const int MaxRoleValues = 32;

    [Fact]
    public void An_employers_provider_at_its_longest_fits_in_a_few_kibibytes()
    {
        var roles = Enumerable.Range(0, MaxRoleValues).ToDictionary(i => $"{i:D2}" + new string('€', MaxText - 2), _ => "tenant-admin");
        var state = IdentityProviderState.Of(new IdentityProviderRegistration("https://" + new string('i', MaxText - 8), new string('€', MaxText),
            new ClaimMapping(new string('€', MaxText), new string('€', MaxText), roles), DateTimeOffset.UtcNow));

        var (bytes, back) = StoredSize.Of(state);
        output.WriteLine($"IdentityProviderState at its bound: {bytes:N0} bytes");
        Assert.InRange(bytes, 1, 64 * 1024);
        Assert.Equal(roles, back.ToRegistration()!.Claims.Roles);
    }

    [Fact]
    public void An_issuers_holder_and_a_scim_secret_stay_under_one_kibibyte()
    {
        var (issuerBytes, issuer) = StoredSize.Of(new IssuerState { Issuer = "https://" + new string('i', MaxText - 8), TenantId = new string('t', 64) });
        var (secretBytes, secret) = StoredSize.Of(new ScimSecretState { Hash = new byte[32], IssuedAt = DateTimeOffset.UtcNow });
        output.WriteLine($"IssuerState at its bound: {issuerBytes:N0} bytes; ScimSecretState: {secretBytes:N0} bytes");

        Assert.InRange(issuerBytes, 1, 1024);
        Assert.InRange(secretBytes, 1, 1024);
        Assert.Equal(64, issuer.TenantId!.Length);
        Assert.Equal(32, secret.Hash!.Length);
    }
}
