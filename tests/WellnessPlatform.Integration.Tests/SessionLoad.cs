using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// Employees logging sessions over HTTP as the portal does, each session under its own client id. A 503
/// (which must say Retry-After) or a connection the silo dropped is retried with the same id; any other
/// answer, or none within the client's timeout, fails the load instead of being retried. Each person
/// pauses between sessions, so the load is a steady stream that a disruption meets in its middle.
/// </summary>
internal sealed class SessionLoad
{
    private const int MaxAttempts = 120;
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, Acknowledgement> _acknowledged = new();
    private readonly ConcurrentBag<TimeSpan> _waits = [];
    private readonly Func<SiloProcess> _pick;
    private readonly string _tenant;
    private readonly TimeSpan _pace;
    private int _unavailable;
    private int _dropped;

    private SessionLoad(Func<SiloProcess> pick, string tenant, int employees, int sessionsEach, TimeSpan pace)
    {
        _pick = pick;
        _tenant = tenant;
        _pace = pace;
        Completion = Task.WhenAll(Enumerable.Range(0, employees).Select(e => LogAllAsync($"p{e}", sessionsEach)));
    }

    /// <summary>A session the platform acknowledged (2xx): whose, its client id, and the day it was counted on.</summary>
    public sealed record Acknowledgement(string Person, string ClientSessionId, DateOnly Day);

    public Task Completion { get; }

    public IReadOnlyCollection<Acknowledgement> Acknowledged => [.. _acknowledged.Values];

    public int AcknowledgedCount => _acknowledged.Count;

    /// <summary>Attempts answered 503 and retried.</summary>
    public int Unavailable => Volatile.Read(ref _unavailable);

    /// <summary>Attempts whose connection failed or was cut (a silo died) and were retried.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    public int Retries => Unavailable + Dropped;

    /// <summary>The longest any attempt waited, answered or cut off.</summary>
    public TimeSpan Slowest => _waits.IsEmpty ? TimeSpan.Zero : _waits.Max();

    /// <summary>Employees p0, p1, ... each log <paramref name="sessionsEach"/> sessions, <paramref name="pace"/> apart, through silos <paramref name="pick"/> chooses.</summary>
    public static SessionLoad Start(Func<SiloProcess> pick, string tenant, int employees, int sessionsEach, TimeSpan pace) =>
        new(pick, tenant, employees, sessionsEach, pace);

    /// <summary>Waits until this many sessions are acknowledged (or the load has ended, failing if it failed).</summary>
    public async Task ReachAsync(int acknowledged)
    {
        while (AcknowledgedCount < acknowledged && !Completion.IsCompleted)
        {
            await Task.Delay(50);
        }

        if (Completion.IsFaulted)
        {
            await Completion;
        }
    }

    private async Task LogAllAsync(string person, int sessions)
    {
        await Task.Yield();
        var token = new AuthenticationHeaderValue("Bearer", TestTokens.Create(person, "employee", _tenant));
        for (var s = 0; s < sessions; s++)
        {
            await Task.Delay(s == 0 ? TimeSpan.FromMilliseconds(Random.Shared.Next((int)_pace.TotalMilliseconds)) : _pace);
            var id = $"{person}-s{s}";
            for (var attempt = 0; ; attempt++)
            {
                Assert.True(attempt < MaxAttempts, $"{id} was never acknowledged");
                var silo = _pick();
                using var http = new HttpClient { BaseAddress = new Uri(silo.BaseUrl), Timeout = ClientTimeout };
                http.DefaultRequestHeaders.Authorization = token;
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await http.PostAsJsonAsync($"/api/tenants/{_tenant}/employees/{person}/sessions", new
                    {
                        clientSessionId = id,
                        exercises = new[] { new { exerciseId = "wall-sit", reps = 10, holdSeconds = 10 } },
                    });
                    var body = await response.Content.ReadAsStringAsync();
                    _waits.Add(clock.Elapsed);
                    if (response.IsSuccessStatusCode)
                    {
                        var day = DateOnly.Parse((string)JsonNode.Parse(body)!["session"]!["day"]!, CultureInfo.InvariantCulture);
                        _acknowledged[id] = new Acknowledgement(person, id, day);
                        break;
                    }

                    Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{id} answered {(int)response.StatusCode}: {body}");
                    Assert.NotNull(response.Headers.RetryAfter);
                    Interlocked.Increment(ref _unavailable);
                }
                catch (HttpRequestException)
                {
                    // Refused or cut: the silo died. The client cannot know whether it landed, so it retries the same id.
                    _waits.Add(clock.Elapsed);
                    Interlocked.Increment(ref _dropped);
                }
                catch (TaskCanceledException)
                {
                    Assert.Fail($"{id} got no answer in {ClientTimeout.TotalSeconds:0} s from {silo.BaseUrl}");
                }

                await Task.Delay(250);
            }
        }
    }
}
