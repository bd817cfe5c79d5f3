namespace WellnessPlatform.Grains.Isolation;

/// <summary>
/// The tenant a request acts for, carried in Orleans' request context from the gateway through every
/// grain call it causes.
/// </summary>
public static class TenantContext
{
    public const string Key = "wp-tenant";

    public static string? Current => RequestContext.Get(Key) as string;

    /// <summary>Sets the acting tenant for calls made from here on in this async flow.</summary>
    public static void Set(string tenantId) => RequestContext.Set(Key, tenantId);
}
