namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// One Azurite and one MailDev for the whole collection; each test uses its own service id, so tests do
/// not see each other's data, and its own email addresses, so they do not see each other's mail.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; } = new();

    public MailDevProcess MailDev { get; } = new();

    public static string NewServiceId() => "it-" + Guid.NewGuid().ToString("N")[..10];

    public async Task InitializeAsync()
    {
        await Azurite.StartAsync();
        await MailDev.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Azurite.DisposeAsync();
        await MailDev.DisposeAsync();
    }

    public PlatformFactory NewPlatform(string serviceId, string environment = "Testing", IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["WellnessPlatform:Mail:SmtpPort"] = MailDev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["WellnessPlatform:Mail:PublicBaseUrl"] = "http://localhost/",
        };
        return new(Azurite, serviceId, environment, all);
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
