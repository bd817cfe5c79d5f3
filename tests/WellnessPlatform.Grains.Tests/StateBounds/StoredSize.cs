using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace WellnessPlatform.Grains.Tests.StateBounds;

/// <summary>
/// Measures a grain state as production stores it: Orleans' binary serializer behind the grain-storage
/// serializer that the Azure Table provider is configured with (see SiloHostingExtensions). Azure
/// Table holds at most about 960 KiB per entity; the bound tests fail above 512 KiB to keep a margin.
/// </summary>
public static class StoredSize
{
    public const int Limit = 512 * 1024;

    private static readonly ServiceProvider Services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public static Serializer Serializer => Services.GetRequiredService<Serializer>();

    private static OrleansGrainStorageSerializer Storage => new(Serializer);

    /// <summary>The stored bytes, and the state read back from them (so a test can check it survived).</summary>
    public static (int Bytes, T RoundTripped) Of<T>(T state)
    {
        var bytes = Storage.Serialize(state);
        return (bytes.ToArray().Length, Storage.Deserialize<T>(bytes)!);
    }
}
