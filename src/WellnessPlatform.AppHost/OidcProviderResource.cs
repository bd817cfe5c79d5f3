using System.Globalization;

namespace WellnessPlatform.AppHost;

/// <summary>
/// The platform's OpenID Connect provider for local runs: oidc-provider (npm) through
/// scripts/oidc/provider.mjs with scripts/oidc/local.json, whose accounts are the demo users (password
/// "back-care-demo"). Healthy once its discovery document answers.
/// </summary>
internal static class OidcProviderResource
{
    public const string ClientId = "wellness-pages";

    /// <summary>The local config's client secret: a development value, like the demo passwords.</summary>
    public const string ClientSecret = "local-development-only";

    public static IResourceBuilder<ExecutableResource> AddOidcProvider(this IDistributedApplicationBuilder builder, string name, string repositoryRoot, int port) =>
        builder.AddExecutable(name, "node", repositoryRoot,
                [Path.Combine("scripts", "oidc", "provider.mjs"), Path.Combine("scripts", "oidc", "local.json"), "--port", port.ToString(CultureInfo.InvariantCulture)])
            .WithHttpEndpoint(port: port, name: "http", isProxied: false)
            .WithHttpHealthCheck("/platform/.well-known/openid-configuration", endpointName: "http");

    public static string Authority(int port) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/platform");
}
