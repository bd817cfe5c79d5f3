using System.Collections.Concurrent;
using WellnessPlatform.Contracts;

namespace WellnessPlatform.Grains.Tests.CareQueue;

/// <summary>A test silo's call filter that fails every write to one tenant's work queue, as a table outage would.</summary>
public sealed class CareQueueOutage : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, bool> Tenants = new();

    /// <summary>Starts the outage for <paramref name="tenantId"/>; it ends when disposed.</summary>
    public static IDisposable Start(string tenantId)
    {
        Tenants[tenantId] = true;
        return new End(tenantId);
    }

    public Task Invoke(IIncomingGrainCallContext context) =>
        context.TargetId.Type.ToString() == GrainTypes.CareQueue
        && context.InterfaceMethod.Name is "SetAsync" or "RemoveAsync"
        && Tenants.ContainsKey(GrainKeys.TenantOf(context.TargetId.Key.ToString()!))
            ? throw new TimeoutException("The work queue's table is unreachable (test outage).")
            : context.Invoke();

    private sealed class End(string tenantId) : IDisposable
    {
        public void Dispose() => Tenants.TryRemove(tenantId, out _);
    }
}
