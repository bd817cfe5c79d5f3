using System.Collections.Concurrent;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;

namespace WellnessPlatform.Grains.Tests.StateBounds;

/// <summary>
/// A test silo's call filter that makes one tenant's shards unreachable in the worst way for exactly-once:
/// each delivery is applied, but the employee never hears back, as when an answer is lost.
/// </summary>
public sealed class ShardOutage : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, bool> Tenants = new();

    /// <summary>Starts the outage for <paramref name="tenantId"/>; it ends when disposed.</summary>
    public static IDisposable Start(string tenantId)
    {
        Tenants[tenantId] = true;
        return new End(tenantId);
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.TargetId.Type.ToString() == GrainTypes.Shard
            && context.InterfaceMethod.Name == nameof(ITenantAggregateShardGrain.ApplyAsync)
            && Tenants.ContainsKey(GrainKeys.TenantOf(context.TargetId.Key.ToString()!)))
        {
            throw new TimeoutException("The shard's answer was lost (test outage).");
        }
    }

    private sealed class End(string tenantId) : IDisposable
    {
        public void Dispose() => Tenants.TryRemove(tenantId, out _);
    }
}
