using WellnessPlatform.Contracts;

namespace WellnessPlatform.Grains.Isolation;

/// <summary>
/// Refuses any call into a tenant's grain that comes from another tenant's grain, or that is made on
/// behalf of another tenant (the tenant in the request context). This holds even if a gateway route
/// or a grain has a bug: tenants are kept apart below the API too.
/// </summary>
public sealed class TenantBoundaryFilter : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (TenantOf(context.TargetId) is { } target)
        {
            if (context.SourceId is { } source && TenantOf(source) is { } from && from != target)
            {
                throw new TenantBoundaryException();
            }

            if (TenantContext.Current is { } acting && acting != target)
            {
                throw new TenantBoundaryException();
            }
        }

        return context.Invoke();
    }

    private static string? TenantOf(GrainId id) =>
        id.Type.ToString() is { } type && type.StartsWith(GrainTypes.Prefix, StringComparison.Ordinal)
            ? GrainKeys.TenantOf(id.Key.ToString()!)
            : null;
}
