using System.Collections.Concurrent;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace WellnessPlatform.Host.Security;

/// <summary>
/// The signing keys of every issuer this gateway has validated a token for: the platform's provider
/// and the employers' registered ones. An issuer gets an entry only once it is known to be registered,
/// so the entries are bounded by the registrations, never by what callers send.
/// </summary>
public sealed class IssuerKeys(IHttpClientFactory http, AuthSettings settings, TimeProvider clock) : IDisposable
{
    public const string HttpClientName = "oidc-metadata";

    private readonly ConcurrentDictionary<string, SigningKeySource> _sources = new(StringComparer.Ordinal);
    private readonly OpenIdConnectConfigurationRetriever _retriever = new();

    public SigningKeySource For(string issuer) => _sources.GetOrAdd(issuer, i => new SigningKeySource(i, _retriever, Documents(), settings, clock));

    /// <summary>Reads an issuer's discovery document once, outside the cache: a registration is checked with it.</summary>
    public async Task<OpenIdConnectConfiguration> ReadOnceAsync(string issuer, CancellationToken cancellationToken)
    {
        using var source = new SigningKeySource(issuer, _retriever, Documents(), settings, clock);
        return await source.GetAsync(null, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var source in _sources.Values)
        {
            source.Dispose();
        }
    }

    private HttpDocumentRetriever Documents() => new(http.CreateClient(HttpClientName)) { RequireHttps = settings.RequireHttpsMetadata };
}
