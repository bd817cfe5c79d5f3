using System.Runtime.InteropServices;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace WellnessPlatform.Host.Security;

/// <summary>
/// Tokens already verified (signature, lifetime, issuer, audience), by the SHA-256 of their text, so a
/// caller's next requests skip the signature check. An entry is used only for the same issuer and
/// audience it was verified for, only until the token expires (plus the clock skew) and for at most
/// <see cref="AuthSettings.ValidatedTokenMaxAge"/>; everything decided per request from current state
/// (an employer's registration, its claim mapping, the tenant and role rules) is still decided per request.
/// </summary>
public sealed class ValidatedTokens : IDisposable
{
    // Tokens longer than this are verified every time rather than hashed from a heap buffer.
    private const int MaxCachedLength = 4 * 1024;

    private readonly MemoryCache? _cache;
    private readonly AuthSettings _settings;
    private readonly TimeProvider _clock;

    public ValidatedTokens(AuthSettings settings, TimeProvider clock)
    {
        _settings = settings;
        _clock = clock;
        if (settings.ValidatedTokenCacheSize > 0)
        {
            _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = settings.ValidatedTokenCacheSize });
        }
    }

    /// <summary>The identity verified earlier for this exact token, issuer and audience, if still usable.</summary>
    public ClaimsIdentity? Find(TokenKey? token, string issuer, string audience)
    {
        if (_cache is null || token is not { } key || !_cache.TryGetValue(key, out Entry? entry) || entry is null)
        {
            return null;
        }

        if (entry.Issuer != issuer || entry.Audience != audience || _clock.GetUtcNow() >= entry.Until)
        {
            return null;
        }

        // A copy: the principal built from it is the request's, and the cached one stays as verified.
        return entry.Identity.Clone();
    }

    /// <summary>Remembers a token just verified, valid until <paramref name="expires"/> (its <c>exp</c>).</summary>
    public void Add(TokenKey? token, string issuer, string audience, ClaimsIdentity identity, DateTime expires)
    {
        if (_cache is null || token is not { } key)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        var byExpiry = new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)) + _settings.ClockSkew;
        var until = byExpiry < now + _settings.ValidatedTokenMaxAge ? byExpiry : now + _settings.ValidatedTokenMaxAge;
        if (until <= now)
        {
            return;
        }

        // The cache's own expiry only frees the memory; Find checks the time itself.
        _cache.Set(key, new Entry(issuer, audience, identity.Clone(), until), new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = until - now,
        });
    }

    public void Dispose() => _cache?.Dispose();

    /// <summary>A token's key, hashed once per request for both the lookup and the add; null when nothing is kept (the cache is off, or the token too long).</summary>
    public TokenKey? KeyOf(string token)
    {
        if (_cache is null || token.Length > MaxCachedLength)
        {
            return null;
        }

        Span<byte> text = stackalloc byte[Encoding.UTF8.GetMaxByteCount(token.Length)];
        var length = Encoding.UTF8.GetBytes(token, text);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text[..length], hash);
        return new TokenKey(MemoryMarshal.Read<UInt128>(hash), MemoryMarshal.Read<UInt128>(hash[16..]));
    }

    /// <summary>The SHA-256 of a token's text.</summary>
    public readonly record struct TokenKey(UInt128 Low, UInt128 High);

    private sealed record Entry(string Issuer, string Audience, ClaimsIdentity Identity, DateTimeOffset Until);
}
