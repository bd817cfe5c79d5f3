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
        if (Usable(_current, clock.GetUtcNow(), missingKeyId) is { } held)
        {
            return held;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another request may have refreshed while this one waited.
            var current = _current;
            var now = clock.GetUtcNow();
            if (Usable(current, now, missingKeyId) is { } refreshed)
            {
                return refreshed;
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

    /// <summary>The held configuration when it is fresh and either holds the key asked for or may not be refreshed yet; else null.</summary>
    private OpenIdConnectConfiguration? Usable(Snapshot? current, DateTimeOffset now, string? missingKeyId) =>
        current is not null && !current.IsStale(now, settings.MetadataMaxAge)
            && (missingKeyId is null || current.Holds(missingKeyId) || !current.MayRefresh(now, settings.MetadataRefreshInterval))
            ? current.Configuration
            : null;

    private sealed record Snapshot(OpenIdConnectConfiguration Configuration, DateTimeOffset FetchedAt)
    {
        public bool IsStale(DateTimeOffset now, TimeSpan maxAge) => now - FetchedAt >= maxAge;

        public bool MayRefresh(DateTimeOffset now, TimeSpan interval) => now - FetchedAt >= interval;

        public bool Holds(string keyId) => Configuration.SigningKeys.Any(k => k.KeyId == keyId);
    }
}
