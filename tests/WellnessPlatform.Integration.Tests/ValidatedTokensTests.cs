using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// The gateway's memory of verified tokens: used only for the token, issuer and audience it was
/// verified for, never past the token's expiry (plus the clock skew) nor past its maximum age.
/// </summary>
public sealed class ValidatedTokensTests
{
    private const string TokenText = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbm5hIn0.c2lnbmF0dXJl";
    private const string Issuer = "https://login.acme.test";
    private const string Audience = "acme-wellness";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    private static ClaimsIdentity Anna() => new([new Claim("sub", "anna"), new Claim("role", "employee")], "Bearer", "sub", "role");

    private ValidatedTokens Cache(int size = 100, int maxAgeMinutes = 5) =>
        new(new AuthSettings { ValidatedTokenCacheSize = size, ValidatedTokenMaxAge = TimeSpan.FromMinutes(maxAgeMinutes), ClockSkew = TimeSpan.FromSeconds(30) }, _clock);

    [Fact]
    public void A_verified_token_is_found_for_its_issuer_and_audience_only()
    {
        using var tokens = Cache();
        var token = tokens.KeyOf(TokenText);
        tokens.Add(token, Issuer, Audience, Anna(), _clock.GetUtcNow().UtcDateTime.AddHours(1));

        Assert.Equal("anna", tokens.Find(token, Issuer, Audience)?.FindFirst("sub")?.Value);
        Assert.Null(tokens.Find(token, Issuer, "another-audience"));
        Assert.Null(tokens.Find(token, "https://login.globex.test", Audience));
        Assert.Null(tokens.Find(tokens.KeyOf(TokenText + "x"), Issuer, Audience));
    }

    [Fact]
    public void A_token_is_not_found_once_it_has_expired_beyond_the_clock_skew()
    {
        using var tokens = Cache();
        var token = tokens.KeyOf(TokenText);
        tokens.Add(token, Issuer, Audience, Anna(), _clock.GetUtcNow().UtcDateTime.AddMinutes(1));

        _clock.Advance(TimeSpan.FromSeconds(89));
        Assert.NotNull(tokens.Find(token, Issuer, Audience));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(tokens.Find(token, Issuer, Audience));
    }

    [Fact]
    public void A_long_lived_token_is_verified_again_after_the_maximum_age()
    {
        using var tokens = Cache(maxAgeMinutes: 5);
        var token = tokens.KeyOf(TokenText);
        tokens.Add(token, Issuer, Audience, Anna(), _clock.GetUtcNow().UtcDateTime.AddHours(8));

        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.NotNull(tokens.Find(token, Issuer, Audience));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(tokens.Find(token, Issuer, Audience));
    }

    [Fact]
    public void What_a_request_does_to_its_identity_does_not_reach_the_next_request()
    {
        using var tokens = Cache();
        var token = tokens.KeyOf(TokenText);
        tokens.Add(token, Issuer, Audience, Anna(), _clock.GetUtcNow().UtcDateTime.AddHours(1));

        tokens.Find(token, Issuer, Audience)!.AddClaim(new Claim("role", "operator"));

        Assert.False(tokens.Find(token, Issuer, Audience)!.HasClaim("role", "operator"));
    }

    [Fact]
    public void A_size_of_zero_keeps_nothing()
    {
        using var tokens = Cache(size: 0);
        var token = tokens.KeyOf(TokenText);
        tokens.Add(token, Issuer, Audience, Anna(), _clock.GetUtcNow().UtcDateTime.AddHours(1));

        Assert.Null(tokens.Find(token, Issuer, Audience));
    }
}
