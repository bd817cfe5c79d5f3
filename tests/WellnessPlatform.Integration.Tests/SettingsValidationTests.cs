using System.Net;
using Microsoft.Extensions.Options;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// Every settings class is checked when the host starts: one bad or missing value stops it with an
/// <see cref="OptionsValidationException"/> naming the setting by its configuration path.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SettingsValidationTests(AzuriteFixture fixture)
{
    [Theory]
    [InlineData("WellnessPlatform:Cluster:SiloPort", "0")]
    [InlineData("WellnessPlatform:Cluster:ClusterId", "")]
    [InlineData("WellnessPlatform:Cluster:AdvertisedAddress", "not-an-ip")]
    [InlineData("WellnessPlatform:Storage:GrainCallTimeout", "00:00:05")]
    [InlineData("WellnessPlatform:Storage:MaxRetries", "50")]
    [InlineData("WellnessPlatform:RateLimit:PermitsPerMinute", "0")]
    [InlineData("WellnessPlatform:Telemetry:Console", "true")]
    [InlineData("WellnessPlatform:Demo:TenantId", "Not A Tenant")]
    [InlineData("WellnessPlatform:Auth:Audience", "")]
    [InlineData("WellnessPlatform:Auth:SigningKeys:0", "c2hvcnQ=")]
    [InlineData("WellnessPlatform:Auth:DevTokenLifetime", "00:00:00")]
    [InlineData("WellnessPlatform:Auth:ClockSkew", "01:00:00")]
    [InlineData("WellnessPlatform:Auth:MetadataRefreshInterval", "00:00:00")]
    [InlineData("WellnessPlatform:Auth:MetadataTimeout", "00:01:00")]
    [InlineData("WellnessPlatform:Auth:ValidatedTokenCacheSize", "-1")]
    [InlineData("WellnessPlatform:Auth:ValidatedTokenMaxAge", "00:00:00")]
    [InlineData("WellnessPlatform:Auth:Authority", "ftp://login.example.com")]
    [InlineData("WellnessPlatform:Grains:RawHistoryDays", "3")]
    [InlineData("WellnessPlatform:Grains:ShardFlushInterval", "00:00:00")]
    [InlineData("WellnessPlatform:Mail:SendTimeout", "00:05:00")]
    [InlineData("WellnessPlatform:Mail:From", "not an address")]
    [InlineData("WellnessPlatform:Tables:Prefix", "")]
    [InlineData("WellnessPlatform:Audit:TableName", "no-dashes")]
    public async Task A_bad_or_missing_setting_stops_the_host_naming_it(string path, string value)
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId(), settings: new Dictionary<string, string> { [path] = value });

        var thrown = Record.Exception(() => platform.Services);

        var invalid = Find(thrown);
        Assert.True(invalid is not null, $"Expected an OptionsValidationException for {path}, got: {thrown?.ToString() ?? "the host started"}");
        Assert.Contains(path, invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_development_issuer_stops_a_production_host()
    {
        // The fixture gives every host the development issuer's key; in Production that alone must stop it.
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId(), environment: "Production");

        var invalid = Find(Record.Exception(() => platform.Services));

        Assert.NotNull(invalid);
        Assert.Contains("WellnessPlatform:Auth:SigningKeys (the development issuer) is accepted only in Development and in the tests", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_message_says_what_the_setting_must_be()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId(), settings: new Dictionary<string, string> { ["WellnessPlatform:Mail:SendTimeout"] = "00:05:00" });

        var invalid = Find(Record.Exception(() => platform.Services));

        Assert.NotNull(invalid);
        Assert.Contains("WellnessPlatform:Mail:SendTimeout must be between 00:00:00.001 and 00:01:00.", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_defaults_start()
    {
        // appsettings.json with appsettings.Development.json, as the local run uses them; the fixture
        // only points the host at its Azurite, its own ports and tables.
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId(), environment: "Development");
        using var http = platform.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
    }

    private static OptionsValidationException? Find(Exception? thrown) => thrown switch
    {
        null => null,
        OptionsValidationException invalid => invalid,
        AggregateException all => all.InnerExceptions.Select(Find).FirstOrDefault(e => e is not null),
        _ => Find(thrown.InnerException),
    };
}
