using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WellnessPlatform.Host.Hosting;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// Calls the gateway as its users do (JSON bodies, bearer tokens) and counts every answer per operation.
/// A 503 is retried as the platform asks a client to, the same request after its Retry-After (at most
/// <see cref="Attempts"/> times), and counted; any other status outside 2xx, or a 503 on the last
/// attempt, is a failure, counted by status and problem code, and the first few are printed.
/// </summary>
internal sealed class ScaleApi(HttpClient http)
{
    private const int FailuresPrinted = 20;
    private const int Attempts = 5;

    public static readonly JsonSerializerOptions Json = CreateJson();

    private readonly ConcurrentDictionary<string, long> _ok = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _failed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _retried = new(StringComparer.Ordinal);
    private int _printed;

    public long Ok(string operation) => _ok.GetValueOrDefault(operation);

    /// <summary>503 answers that were retried with the same request (and client id).</summary>
    public long Retried(string operation) => _retried.GetValueOrDefault(operation);

    /// <summary>Failures of one operation (all if null), e.g. "session 503 storage_unavailable: 3".</summary>
    public long Failed(string? operation = null) =>
        _failed.Where(f => operation is null || f.Key.StartsWith(operation + " ", StringComparison.Ordinal)).Sum(f => f.Value);

    public string FailureSummary(string? operation = null)
    {
        var lines = _failed.Where(f => operation is null || f.Key.StartsWith(operation + " ", StringComparison.Ordinal))
            .OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} × {f.Value:N0}").ToList();
        return lines.Count == 0 ? "none" : string.Join("; ", lines);
    }

    /// <summary>Sends a request; true on 2xx. The route name, not the path, labels failures (paths hold person ids).</summary>
    public async Task<bool> SendAsync(string operation, HttpMethod method, string path, string token, object? body = null)
    {
        using var response = await SendRetryingAsync(operation, method, path, token, body);
        return await CountAsync(operation, response);
    }

    public async Task<T> GetJsonAsync<T>(string operation, string path, string token)
    {
        using var response = await SendRetryingAsync(operation, HttpMethod.Get, path, token, null);
        if (!await CountAsync(operation, response))
        {
            throw new InvalidOperationException($"{operation} failed with {(int)response.StatusCode}; see above.");
        }

        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    /// <summary>One timed GET, milliseconds from sending to the whole body read; a non-2xx answer is counted and fails the run.</summary>
    public async Task<double> TimeGetAsync(string operation, string path, string token)
    {
        var clock = Stopwatch.StartNew();
        using var response = await SendRawAsync(HttpMethod.Get, path, token, null);
        await response.Content.LoadIntoBufferAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return await CountAsync(operation, response) ? elapsed : throw new InvalidOperationException($"{operation} failed with {(int)response.StatusCode}.");
    }

    private async Task<HttpResponseMessage> SendRetryingAsync(string operation, HttpMethod method, string path, string token, object? body)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await SendRawAsync(method, path, token, body is null ? null : JsonContent.Create(body, body.GetType(), options: Json));
            if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || attempt == Attempts)
            {
                return response;
            }

            _retried.AddOrUpdate(operation, 1, (_, n) => n + 1);
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait);
        }
    }

    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string token, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    public async Task<bool> CountAsync(string operation, HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            _ok.AddOrUpdate(operation, 1, (_, n) => n + 1);
            return true;
        }

        var text = await response.Content.ReadAsStringAsync();
        var code = ProblemCode(text);
        _failed.AddOrUpdate($"{operation} {(int)response.StatusCode} {code}", 1, (_, n) => n + 1);
        if (Interlocked.Increment(ref _printed) <= FailuresPrinted)
        {
            await Console.Error.WriteLineAsync($"  ! {operation}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
        }

        return false;
    }

    private static string ProblemCode(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.TryGetProperty("code", out var code) ? code.GetString() ?? "-" : "-";
        }
        catch (JsonException)
        {
            return "-";
        }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        GatewayExtensions.ConfigureJson(options);
        return options;
    }
}
