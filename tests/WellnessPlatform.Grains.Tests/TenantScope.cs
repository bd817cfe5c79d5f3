using WellnessPlatform.Contracts.Isolation;

namespace WellnessPlatform.Grains.Tests;

/// <summary>
/// A test calling grains directly: the named system actor "grains-tests", narrowed to one tenant, until
/// disposed (a call with no scope at all is refused).
/// </summary>
internal sealed class TenantScope(string tenantId) : IDisposable
{
    public const string Actor = "grains-tests";

    private readonly IDisposable _scope = TenantContext.System(Actor, tenantId);

    public void Dispose() => _scope.Dispose();
}
