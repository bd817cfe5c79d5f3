using System.Diagnostics;
using WellnessPlatform.Testing;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// Cold start of the embedded default (scripts/run-local.sh --single): Azurite on a fresh data folder,
/// then the platform process (one co-hosted silo and gateway, Development, demo data seeded) until
/// its readiness check first answers 200. The baseline is a bare Kestrel process started the same way.
/// </summary>
internal static class ColdStart
{
    public static async Task<(TimeSpan Azurite, TimeSpan Platform, TimeSpan Bare)> MeasureAsync()
    {
        var clock = Stopwatch.StartNew();
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        var azuriteTime = clock.Elapsed;

        var hostDll = Path.Combine(AzuriteProcess.RepositoryRoot(), "src", "WellnessPlatform.Host", "bin", "Release", "net10.0", "WellnessPlatform.Host.dll");
        var platform = await TimeToFirstOkAsync(hostDll, [], "http://127.0.0.1:5197/health/ready", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:5197",
            ["ConnectionStrings__Tables"] = azurite.ConnectionString,
            ["WellnessPlatform__Cluster__SiloPort"] = "11431",
            ["WellnessPlatform__Cluster__GatewayPort"] = "30431",
            ["WellnessPlatform__Cluster__ClusterId"] = $"cold-{Environment.ProcessId}",
        });
        // The bare process is this benchmark's build, whose runtimeconfig turns tiered compilation off;
        // the Host runs with the runtime's defaults (tiered compilation and PGO on, Server GC, both Release).
        // The environment outranks the runtimeconfig, so the baseline starts compiled as the Host does.
        var bare = await TimeToFirstOkAsync(typeof(ColdStart).Assembly.Location, ["bare-server", "5198"], "http://127.0.0.1:5198/", new Dictionary<string, string>
        {
            ["DOTNET_TieredCompilation"] = "1",
            ["DOTNET_TieredPGO"] = "1",
            ["DOTNET_gcServer"] = "1",
        });
        return (azuriteTime, platform, bare);
    }

    private static async Task<TimeSpan> TimeToFirstOkAsync(string dll, string[] args, string url, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{dll} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                try
                {
                    using var response = await http.GetAsync(url);
                    if (response.IsSuccessStatusCode)
                    {
                        return clock.Elapsed;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
                catch (TaskCanceledException)
                {
                    // listening, not answering yet
                }

                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with code {process.ExitCode} before answering.");
                }

                await Task.Delay(20);
            }

            throw new TimeoutException($"{url} did not answer 200 within two minutes.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
