namespace WellnessPlatform.Contracts;

/// <summary>
/// <c>GetGrain&lt;T&gt;(key)</c> without its per-call reflection: Orleans reads the interface's attributes on
/// every call to find its <see cref="GrainInterfaceType"/> (13–18 % of a session's CPU in the ingest
/// profile, docs/performance.md). The interface type and the grain type it resolves to depend on the
/// interface alone, so they are taken from the first reference and reused.
/// </summary>
public static class GrainReferences
{
    public static T Get<T>(this IGrainFactory grains, string key)
        where T : IGrainWithStringKey
    {
        if (Types<T>.Resolved is not { } types)
        {
            var first = grains.GetGrain<T>(key);
            Types<T>.Resolved = new ResolvedTypes(first.GetGrainId().Type, ((GrainReference)(object)first).InterfaceType);
            return first;
        }

        return (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    // A reference, so a thread reads both types or neither, never half of a write.
    private sealed record ResolvedTypes(GrainType Grain, GrainInterfaceType Interface);

    private static class Types<T>
    {
        public static ResolvedTypes? Resolved { get; set; }
    }
}
