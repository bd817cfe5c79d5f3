namespace WellnessPlatform.Contracts.Isolation;

/// <summary>
/// Who a grain call acts for, carried in Orleans' request context from the caller through every grain
/// call it causes: a tenant (a signed-in caller's, stamped once per request by the gateway), a named
/// system actor (seeding, reconciliation, operators, tests), or both. The silo's <c>TenantBoundaryFilter</c>
/// refuses a call into a tenant's grain that carries neither, unless a grain of that tenant makes it.
/// It lives in Contracts because every caller of a grain (gateway, jobs, tests) says through it whom it acts for.
/// </summary>
public static class TenantContext
{
    public const string Key = "wp-tenant";
    public const string SystemKey = "wp-system";

    /// <summary>The tenant the calls act for, if any.</summary>
    public static string? Current => RequestContext.Get(Key) as string;

    /// <summary>The named system actor the calls are made by, if any.</summary>
    public static string? SystemActor => RequestContext.Get(SystemKey) as string;

    /// <summary>Acts for one tenant until disposed, as the gateway does for a signed-in caller.</summary>
    public static IDisposable ActFor(string tenantId) => Enter(null, tenantId);

    /// <summary>
    /// Work the platform does itself, named (1–64 lowercase letters, digits or dashes) so logs and traces
    /// say who did it. Narrowed to one tenant when <paramref name="tenantId"/> is given; without it the
    /// actor may reach any tenant, so name a tenant wherever the work has one.
    /// </summary>
    public static IDisposable System(string actor, string? tenantId = null)
    {
        if (!GrainKeys.IsValidId(actor))
        {
            throw new ArgumentException("A system actor is named by 1–64 lowercase letters, digits or dashes.", nameof(actor));
        }

        return Enter(actor, tenantId);
    }

    private static Scope Enter(string? actor, string? tenantId)
    {
        // A scope only ever narrows: work begun for one tenant cannot go on for another inside it.
        if (Current is { } acting && tenantId is not null && tenantId != acting)
        {
            throw new TenantBoundaryException();
        }

        var scope = new Scope(Current, SystemActor);
        if (tenantId is not null)
        {
            RequestContext.Set(Key, tenantId);
        }

        if (actor is not null)
        {
            RequestContext.Set(SystemKey, actor);
        }

        return scope;
    }

    /// <summary>Puts back what was stamped before the scope began.</summary>
    private sealed class Scope(string? tenant, string? actor) : IDisposable
    {
        public void Dispose()
        {
            Restore(Key, tenant);
            Restore(SystemKey, actor);
        }

        private static void Restore(string key, string? value)
        {
            if (value is null)
            {
                RequestContext.Remove(key);
            }
            else
            {
                RequestContext.Set(key, value);
            }
        }
    }
}
