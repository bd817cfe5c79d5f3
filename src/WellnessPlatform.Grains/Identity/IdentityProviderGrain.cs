using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Identity;

namespace WellnessPlatform.Grains.Identity;

/// <summary>
/// A tenant's provider (see <see cref="IIdentityProviderGrain"/>). The issuer is claimed before the
/// registration is stored and the old one let go after, so a crash in between leaves at worst a claim
/// this tenant still holds; it grants nothing, since a token is honoured only when this grain names its issuer.
/// </summary>
[GrainType(GrainTypes.IdentityProvider)]
public sealed class IdentityProviderGrain(
    [PersistentState(StorageNames.IdentityProviderState, StorageNames.GrainState)] IPersistentState<IdentityProviderState> state,
    IGrainFactory grains) : Grain, IIdentityProviderGrain
{
    private string TenantId => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    public Task<IdentityProviderRegistration?> GetAsync() => Task.FromResult(state.State.ToRegistration());

    public async Task<Outcome<IdentityProviderRegistration>> SetAsync(IdentityProviderRegistration registration)
    {
        if (!await IssuerOf(registration.Issuer).ClaimAsync(registration.Issuer, TenantId))
        {
            return Outcome<IdentityProviderRegistration>.Conflict("issuer_taken", "Another employer has registered this issuer; an issuer can act for one employer only.");
        }

        var previous = state.State.ToRegistration();
        state.State = IdentityProviderState.Of(registration);
        await state.WriteStateAsync();
        if (previous is not null && previous.Issuer != registration.Issuer)
        {
            await IssuerOf(previous.Issuer).ReleaseAsync(TenantId);
        }

        return Outcome<IdentityProviderRegistration>.Ok(registration);
    }

    public async Task<bool> RemoveAsync()
    {
        if (state.State.ToRegistration() is not { } registration)
        {
            return false;
        }

        await state.ClearStateAsync();
        await IssuerOf(registration.Issuer).ReleaseAsync(TenantId);
        return true;
    }

    private IIssuerGrain IssuerOf(string issuer) => grains.GetGrain<IIssuerGrain>(GrainKeys.Issuer(issuer));
}
