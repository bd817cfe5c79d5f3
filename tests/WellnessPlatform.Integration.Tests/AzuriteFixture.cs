namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// One Azurite, one MailDev and one set of OpenID Connect providers for the whole collection; each test
/// uses its own service id, so tests do not see each other's data (nor each other's registrations of the
/// employers' providers), and its own email addresses, so they do not see each other's mail.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string PlatformAudience = TestTokens.Audience;
    public const string AcmeAudience = "wellness-acme";
    public const string GlobexAudience = "wellness-globex";

    public AzuriteProcess Azurite { get; } = new();

    public MailDevProcess MailDev { get; } = new();

    /// <summary>The platform's provider ("platform") and employers' providers: "acme" (RS256), "globex" (ES256), "matrix" and "matrix-2".</summary>
    public OidcProviderProcess Identity { get; } = new(
    [
        new OidcProviderDefinition("platform", PlatformAudience, [], []),
        new OidcProviderDefinition("acme", AcmeAudience, [], []),
        new OidcProviderDefinition("globex", GlobexAudience, [], [], OidcSigningAlgorithm.ES256),
        new OidcProviderDefinition("matrix", PlatformAudience, [], []),
        new OidcProviderDefinition("matrix-2", PlatformAudience, [], []),
    ]);

    public static string NewServiceId() => "it-" + Guid.NewGuid().ToString("N")[..10];

    public async Task InitializeAsync()
    {
        await Azurite.StartAsync();
        await MailDev.StartAsync();
        await Identity.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Azurite.DisposeAsync();
        await MailDev.DisposeAsync();
        await Identity.DisposeAsync();
    }

    public PlatformFactory NewPlatform(string serviceId, string environment = "Testing", IReadOnlyDictionary<string, string>? settings = null, bool developmentIssuer = true)
    {
        // A test's own settings win over these.
        var all = new Dictionary<string, string>
        {
            ["WellnessPlatform:Mail:SmtpPort"] = MailDev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["WellnessPlatform:Mail:PublicBaseUrl"] = "http://localhost/",
            ["WellnessPlatform:Auth:Authority"] = Identity.Issuer("platform"),
            ["WellnessPlatform:Auth:MetadataRefreshInterval"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return new(Azurite, serviceId, environment, all, developmentIssuer: developmentIssuer);
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
