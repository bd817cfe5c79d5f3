using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace WellnessPlatform.Host.Security;

/// <summary>
/// One issuer's discovery document and signing keys (JWKS). Read at first use, again after
/// <see cref="AuthSettings.MetadataMaxAge"/>, and at once when a token names a key the set does not hold
/// (the provider rotated), at most once per <see cref="AuthSettings.MetadataRefreshInterval"/> so forged
/// key ids cannot make us hammer the provider. Not Microsoft.IdentityModel's ConfigurationManager: that
/// one refreshes in the background, so the first token signed with a new key would be refused.
/// </summary>
public sealed class SigningKeySource(string issuer, IConfigurationRetriever<OpenIdConnectConfiguration> retriever, IDocumentRetriever documents, AuthSettings settings, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot? _current;

    public string Issuer => issuer;

    public string MetadataAddress { get; } = issuer.TrimEnd('/') + "/.well-known/openid-configuration";

    /// <summary>The keys; <paramref name="missingKeyId"/> (a key id the token names) forces a refresh if not held.</summary>
    public async Task<OpenIdConnectConfiguration> GetAsync(string? missingKeyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = _current;
        if (current is not null && !current.IsStale(now, settings.MetadataMaxAge) && (missingKeyId is null || current.Holds(missingKeyId) || !current.MayRefresh(now, settings.MetadataRefreshInterval)))
        {
            return current.Configuration;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another request may have refreshed while this one waited.
            current = _current;
            now = clock.GetUtcNow();
            if (current is not null && !current.IsStale(now, settings.MetadataMaxAge) && (missingKeyId is null || current.Holds(missingKeyId) || !current.MayRefresh(now, settings.MetadataRefreshInterval)))
            {
                return current.Configuration;
            }

            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(settings.MetadataTimeout);
                var configuration = await retriever.GetConfigurationAsync(MetadataAddress, documents, timeout.Token);
                if (!string.Equals(configuration.Issuer, issuer, StringComparison.Ordinal))
                {
                    throw new SecurityTokenInvalidIssuerException($"The discovery document at {MetadataAddress} names the issuer '{configuration.Issuer}', not '{issuer}'.");
                }

                _current = new Snapshot(configuration, now);
                return configuration;
            }
            catch (Exception error) when (current is not null && error is not SecurityTokenInvalidIssuerException)
            {
                // A provider that is briefly unreachable keeps its last keys; try again after the refresh interval.
                _current = current with { FetchedAt = now - settings.MetadataMaxAge + settings.MetadataRefreshInterval };
                return current.Configuration;
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private sealed record Snapshot(OpenIdConnectConfiguration Configuration, DateTimeOffset FetchedAt)
    {
        public bool IsStale(DateTimeOffset now, TimeSpan maxAge) => now - FetchedAt >= maxAge;

        public bool MayRefresh(DateTimeOffset now, TimeSpan interval) => now - FetchedAt >= interval;

        public bool Holds(string keyId) => Configuration.SigningKeys.Any(k => k.KeyId == keyId);
    }
}
