using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Identity;
using WellnessPlatform.Contracts.Isolation;

namespace WellnessPlatform.Grains.Identity;

/// <summary>
/// Which tenant holds an issuer (see <see cref="IIssuerGrain"/>). Its key names no tenant, so the
/// boundary filter cannot guard it: it refuses a claim or release for any tenant but the acting one.
/// </summary>
[GrainType(GrainTypes.Issuer)]
public sealed class IssuerGrain(
    [PersistentState(StorageNames.IssuerState, StorageNames.GrainState)] IPersistentState<IssuerState> state) : Grain, IIssuerGrain
{
    public Task<string?> GetTenantAsync() => Task.FromResult(state.State.TenantId);

    public async Task<bool> ClaimAsync(string issuer, string tenantId)
    {
        EnsureActingFor(tenantId);
        if (GrainKeys.Issuer(issuer) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("The issuer does not match this grain's key.", nameof(issuer));
        }

        if (state.State.TenantId is { } holder)
        {
            return holder == tenantId;
        }

        state.State.Issuer = issuer;
        state.State.TenantId = tenantId;
        await state.WriteStateAsync();
        return true;
    }

    public async Task ReleaseAsync(string tenantId)
    {
        EnsureActingFor(tenantId);
        if (state.State.TenantId == tenantId)
        {
            await state.ClearStateAsync();
        }
    }

    private static void EnsureActingFor(string tenantId)
    {
        if (TenantContext.Current != tenantId)
        {
            throw new TenantBoundaryException();
        }
    }
}
