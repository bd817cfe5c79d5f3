using WellnessPlatform.Grains.Isolation;

namespace WellnessPlatform.Grains.Tests;

/// <summary>Acts for one tenant, as the gateway does, until disposed.</summary>
internal sealed class TenantScope : IDisposable
{
    public TenantScope(string tenantId) => TenantContext.Set(tenantId);

    public void Dispose() => RequestContext.Remove(TenantContext.Key);
}
