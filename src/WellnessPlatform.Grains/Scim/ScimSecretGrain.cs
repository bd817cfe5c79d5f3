using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Scim;

namespace WellnessPlatform.Grains.Scim;

/// <summary>
/// Issues, revokes and checks a tenant's SCIM secret (see <see cref="IScimSecretGrain"/>). The secret
/// carries 256 random bits, so a plain SHA-256 of it is as hard to reverse as guessing it: no salt or
/// slow hash is needed, and a check costs one hash.
/// </summary>
[GrainType(GrainTypes.ScimSecret)]
public sealed class ScimSecretGrain(
    [PersistentState(StorageNames.ScimSecretState, StorageNames.GrainState)] IPersistentState<ScimSecretState> state,
    TimeProvider clock) : Grain, IScimSecretGrain
{
    private string TenantId => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    public async Task<string> IssueAsync()
    {
        var secret = $"{TenantId}.{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";
        state.State.Hash = Hash(secret);
        state.State.IssuedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        return secret;
    }

    public async Task<bool> RevokeAsync()
    {
        if (state.State.Hash is null)
        {
            return false;
        }

        await state.ClearStateAsync();
        return true;
    }

    public Task<bool> VerifyAsync(string secret) =>
        Task.FromResult(state.State.Hash is { } stored && CryptographicOperations.FixedTimeEquals(stored, Hash(secret)));

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
