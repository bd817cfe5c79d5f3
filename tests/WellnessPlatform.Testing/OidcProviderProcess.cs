using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace WellnessPlatform.Testing;

/// <summary>The algorithm of a provider's signing keys, id tokens and access tokens.</summary>
public enum OidcSigningAlgorithm
{
    RS256,
    ES256,
}

/// <summary>
/// A client of a test identity provider. Without a secret it is a public client (PKCE only); with one it
/// authenticates at the token endpoint with client_secret_post, as the .NET OpenIdConnect handler does.
/// With <paramref name="UserinfoAccessTokens"/> its access tokens are opaque ones for the userinfo endpoint
/// instead of JWTs for the provider's audience.
/// </summary>
public sealed record OidcClient(
    string ClientId,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    string? ClientSecret = null,
    bool UserinfoAccessTokens = false);

/// <summary>
/// A person who can sign in with <paramref name="Id"/> as the username. Claims the provider knows:
/// tenant, role (scope wellness), name (profile), email (email).
/// </summary>
public sealed record OidcAccount(string Id, string Password, IReadOnlyDictionary<string, object> Claims);

/// <summary>One provider, at the issuer http://127.0.0.1:PORT/<paramref name="Name"/>.</summary>
public sealed record OidcProviderDefinition(
    string Name,
    string Audience,
    IReadOnlyList<OidcClient> Clients,
    IReadOnlyList<OidcAccount> Accounts,
    OidcSigningAlgorithm Alg = OidcSigningAlgorithm.RS256);

/// <summary>
/// Real OpenID Connect providers for the tests (scripts/oidc/provider.mjs on oidc-provider from the
/// repository's node_modules, installed by npm ci), all in one node process on a free loopback port, each
/// under its own path. Tests sign in through its login page, mint access tokens that claim anything at a
/// provider, and rotate a provider's signing key while everything runs.
/// </summary>
public sealed partial class OidcProviderProcess(IReadOnlyList<OidcProviderDefinition> providers) : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly string _configFile = Path.Combine(Path.GetTempPath(), $"wellness-oidc-{Guid.NewGuid():N}.json");
    private readonly StringBuilder _stderr = new();
    private readonly HttpClient _http = new();
    private Process? _process;

    public int Port { get; } = Ports.Free();

    /// <summary>What the process wrote to stderr so far: oidc-provider's notices and the errors it met.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>The provider's issuer, exactly as in its discovery document and tokens (no trailing slash).</summary>
    public string Issuer(string name) => $"http://127.0.0.1:{Port}/{name}";

    /// <summary>The provider's discovery document: what the OpenIdConnect and JwtBearer handlers read.</summary>
    public Uri MetadataAddress(string name) => new($"{Issuer(name)}/.well-known/openid-configuration");

    public async Task StartAsync()
    {
        var root = AzuriteProcess.RepositoryRoot();
        var script = Path.Combine(root, "scripts", "oidc", "provider.mjs");
        if (!File.Exists(Path.Combine(root, "node_modules", "oidc-provider", "package.json")))
        {
            throw new InvalidOperationException($"oidc-provider is not installed in {root}/node_modules; run scripts/test.sh (or npm ci) first.");
        }

        await File.WriteAllTextAsync(_configFile, JsonSerializer.Serialize(new { providers }, Json));

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(_configFile);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(Port.ToString(CultureInfo.InvariantCulture));

        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && ListeningLine().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The OIDC provider exited."));

        try
        {
            if (!process.Start())
            {
                throw new InvalidOperationException("The OIDC provider did not start.");
            }
        }
        catch
        {
            process.Dispose();
            throw;
        }

        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        int port;
        try
        {
            port = await listening.Task.WaitAsync(StartLimit);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            var exited = process.HasExited;
            if (exited)
            {
                // Also waits until its last stderr lines are read.
                await process.WaitForExitAsync();
            }

            var what = exited ? $"exited with code {process.ExitCode}" : $"did not listen within {StartLimit.TotalSeconds:0} seconds";
            await StopAsync();
            throw new InvalidOperationException($"The OIDC provider {what}. Its stderr:\n{StandardError}", e);
        }

        if (port != Port)
        {
            await StopAsync();
            throw new InvalidOperationException($"The OIDC provider listens on {port}, not on {Port}.");
        }
    }

    /// <summary>
    /// An access token signed with the provider's current signing key (typ at+jwt, iss its issuer, a jti),
    /// claiming whatever <paramref name="claims"/> say; a negative <paramref name="lifetime"/> makes an expired
    /// one. Without a lifetime it lives 5 minutes.
    /// </summary>
    public async Task<string> MintAsync(
        string provider, string subject, IReadOnlyDictionary<string, object> claims, string audience, TimeSpan? lifetime = null)
    {
        var request = new MintRequest(subject, claims, audience, lifetime is { } l ? (long)l.TotalSeconds : null);
        var response = await PostAsync<MintResponse>($"{Issuer(provider)}/_test/token", request);
        return response.AccessToken;
    }

    /// <summary>
    /// Gives the provider a new signing key, first in its JWKS, keeping the old ones published (unless
    /// <paramref name="dropOldKeys"/>, after which tokens signed before no longer verify). Returns the new kid.
    /// </summary>
    public async Task<string> RotateKeyAsync(string provider, bool dropOldKeys = false)
    {
        var drop = dropOldKeys ? "?drop=true" : "";
        var response = await PostAsync<RotateResponse>($"{Issuer(provider)}/_test/rotate{drop}", new { });
        return response.Kid;
    }

    private async Task<T> PostAsync<T>(string url, object body)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(url), body, Json);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await response.Content.ReadFromJsonAsync<T>(Json) ?? throw new InvalidOperationException($"POST {url} answered nothing.");
    }

    private async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        File.Delete(_configFile);
    }

    [GeneratedRegex(@"^oidc-provider listening on http://127\.0\.0\.1:(\d+)$")]
    private static partial Regex ListeningLine();

    // The script's field names: sub, claims, aud, expiresIn.
    private sealed record MintRequest(
        string Sub, IReadOnlyDictionary<string, object> Claims, string Aud, [property: JsonPropertyName("expiresIn")] long? ExpiresIn);

    private sealed record MintResponse(string AccessToken);

    private sealed record RotateResponse(string Kid);
}
