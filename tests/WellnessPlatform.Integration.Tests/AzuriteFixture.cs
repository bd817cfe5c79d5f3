namespace WellnessPlatform.Integration.Tests;

/// <summary>One Azurite for the whole collection; each test uses its own service id, so tests do not see each other's data.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; } = new();

    public static string NewServiceId() => "it-" + Guid.NewGuid().ToString("N")[..10];

    public Task InitializeAsync() => Azurite.StartAsync();

    public Task DisposeAsync() => Azurite.DisposeAsync().AsTask();

    public PlatformFactory NewPlatform(string serviceId, string environment = "Testing", IReadOnlyDictionary<string, string>? settings = null) =>
        new(Azurite, serviceId, environment, settings);
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
