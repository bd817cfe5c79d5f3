using System.Globalization;
using WellnessPlatform.AppHost;

// Azurite, MailDev and the platform's OpenID Connect provider, then three silos (each also a gateway) that
// cluster through Azure Table membership on Azurite, send their email through MailDev (its web inbox shows
// what they sent) and sign pages in at the provider (the demo picker stays beside it in Development). The
// first one seeds the demo employer. Every silo exports its telemetry to the Aspire dashboard.
var builder = DistributedApplication.CreateBuilder(args);
var root = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
const int TablePort = 10012;
const int Silos = 3;

// Apart from the single-process run's MailDev (1025/1080), so both can run side by side.
const int SmtpPort = 1035;
const int InboxPort = 1090;
const int ProviderPort = 5090;

var location = builder.Configuration["WellnessAppHost:AzuriteLocation"] ?? Path.Combine(".data", "azurite-aspire");
var azurite = builder.AddAzuriteTables("azurite", root, TablePort, location);
var maildev = builder.AddMailDev("maildev", root, SmtpPort, InboxPort);
var identity = builder.AddOidcProvider("identity", root, ProviderPort);
for (var i = 1; i <= Silos; i++)
{
    builder.AddProject<Projects.WellnessPlatform_Host>($"silo-{i}", launchProfileName: null)
        .WithHttpEndpoint(port: 5080 + i, name: "http")
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
        .WithEnvironment("ConnectionStrings__Tables", AzuriteResource.ConnectionString(TablePort))
        .WithEnvironment("WellnessPlatform__Cluster__ClusterId", "wellness-aspire")
        .WithEnvironment("WellnessPlatform__Cluster__ServiceId", "wellness-aspire")
        .WithEnvironment("WellnessPlatform__Cluster__SiloPort", (11110 + i).ToString(CultureInfo.InvariantCulture))
        .WithEnvironment("WellnessPlatform__Cluster__GatewayPort", (30000 + i).ToString(CultureInfo.InvariantCulture))
        .WithEnvironment("WellnessPlatform__Demo__Seed", i == 1 ? "true" : "false")
        .WithEnvironment("WellnessPlatform__Mail__SmtpHost", "127.0.0.1")
        .WithEnvironment("WellnessPlatform__Mail__SmtpPort", SmtpPort.ToString(CultureInfo.InvariantCulture))
        .WithEnvironment("WellnessPlatform__Mail__PublicBaseUrl", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{5080 + i}/"))
        .WithEnvironment("WellnessPlatform__Auth__Authority", OidcProviderResource.Authority(ProviderPort))
        .WithEnvironment("WellnessPlatform__Auth__ClientId", OidcProviderResource.ClientId)
        .WithEnvironment("WellnessPlatform__Auth__ClientSecret", OidcProviderResource.ClientSecret)
        .WithHttpHealthCheck("/health/ready")
        .WaitFor(azurite)
        .WaitFor(maildev)
        .WaitFor(identity);
}

builder.Build().Run();
