using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WellnessPlatform.Testing;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// The benchmarks' OpenID Connect issuer: an RSA key whose discovery document and JWKS a small Kestrel app
/// serves on loopback, so the gateways under test validate RS256 tokens through discovery and JWKS, as
/// production does (the development issuer's HS256 keys are refused outside Development and the tests).
/// </summary>
internal static class BenchIssuer
{
    public const string Audience = "wellness-platform";
    private const string KeyId = "bench-rs256";

    private static readonly RSA Rsa = RSA.Create(2048);
    private static readonly SigningCredentials Credentials = new(new RsaSecurityKey(Rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);
    private static readonly JsonWebTokenHandler Handler = new();
    private static readonly Lazy<Task<string>> Started = new(StartAsync);

    /// <summary>The issuer URL (the gateways' Auth:Authority), serving its documents from the first call on.</summary>
    public static Task<string> AuthorityAsync() => Started.Value;

    /// <summary>A token for <paramref name="claims"/>, signed RS256, valid from <paramref name="notBefore"/> for <paramref name="lifetime"/>.</summary>
    public static string Token(IEnumerable<Claim> claims, DateTime notBefore, TimeSpan lifetime) => Handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Started.Value.Result,
        Audience = Audience,
        Subject = new ClaimsIdentity(claims),
        NotBefore = notBefore,
        IssuedAt = notBefore,
        Expires = notBefore + lifetime,
        SigningCredentials = Credentials,
    });

    private static async Task<string> StartAsync()
    {
        var port = Ports.Free();
        var authority = $"http://127.0.0.1:{port}/bench";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var key = Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(key.Modulus),
            ["e"] = Base64UrlEncoder.Encode(key.Exponent),
        };
        app.MapGet("/bench/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, string> { ["issuer"] = authority, ["jwks_uri"] = $"{authority}/jwks" }));
        app.MapGet("/bench/jwks", () => Results.Json(new Dictionary<string, Dictionary<string, string>[]> { ["keys"] = [jwk] }));
        await app.StartAsync();

        // Lives as long as the benchmark process.
        return authority;
    }
}
