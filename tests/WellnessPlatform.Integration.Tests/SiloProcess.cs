using System.Diagnostics;
using System.Globalization;

namespace WellnessPlatform.Integration.Tests;

/// <summary>A silo (with its gateway) as a separate OS process, so a test can kill it like a machine dies.</summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, int httpPort, int siloPort)
    {
        _process = process;
        BaseUrl = $"http://127.0.0.1:{httpPort}";
        SiloPort = siloPort;
    }

    public string BaseUrl { get; }

    /// <summary>The silo-to-silo port: how Orleans' silo addresses name this process.</summary>
    public int SiloPort { get; }

    public bool Alive => !_process.HasExited;

    /// <summary>
    /// Starts a silo and waits until it answers ready. One that is not ready in 60 s (a port taken between
    /// choosing and binding it, a slow join on a loaded machine) is killed and started once more on fresh
    /// ports; the second failure carries the end of the process's output.
    /// </summary>
    public static async Task<SiloProcess> StartAsync(string tablesConnectionString, string clusterId)
    {
        try
        {
            return await StartOnceAsync(tablesConnectionString, clusterId);
        }
        catch (TimeoutException)
        {
            return await StartOnceAsync(tablesConnectionString, clusterId);
        }
    }

    private static async Task<SiloProcess> StartOnceAsync(string tablesConnectionString, string clusterId)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(AzuriteProcess.RepositoryRoot(), "src", "WellnessPlatform.Host", "bin", configuration, "net10.0", "WellnessPlatform.Host.dll");
        var http = Ports.Free();
        var siloPort = Ports.Free();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Testing";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{http}";
        env["ConnectionStrings__Tables"] = tablesConnectionString;
        env["WellnessPlatform__Cluster__ClusterId"] = clusterId;
        env["WellnessPlatform__Cluster__ServiceId"] = clusterId;
        env["WellnessPlatform__Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        env["WellnessPlatform__Cluster__GatewayPort"] = Ports.Free().ToString(CultureInfo.InvariantCulture);
        env["WellnessPlatform__Auth__Issuer"] = TestTokens.Issuer;
        env["WellnessPlatform__Auth__Audience"] = TestTokens.Audience;
        env["WellnessPlatform__Auth__SigningKeys__0"] = TestTokens.Key;
        env["WellnessPlatform__Auth__RequireHttpsMetadata"] = "false";
        env["WellnessPlatform__RateLimit__PermitsPerMinute"] = "100000";
        env["WellnessPlatform__Audit__TableName"] = "Audit" + clusterId.Replace("-", string.Empty, StringComparison.Ordinal);
        env["WellnessPlatform__Tables__Prefix"] = "T" + clusterId.Replace("-", string.Empty, StringComparison.Ordinal);

        // Notice a dead silo in seconds rather than the production defaults.
        env["Orleans__ClusterMembership__ProbeTimeout"] = "00:00:01";
        env["Orleans__ClusterMembership__NumMissedProbesLimit"] = "2";
        env["Orleans__ClusterMembership__NumVotesForDeathDeclaration"] = "1";
        env["Orleans__Messaging__ResponseTimeout"] = "00:00:05";

        var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Keep(string? line)
        {
            if (line is not null)
            {
                output.Enqueue(line);
                while (output.Count > 40 && output.TryDequeue(out _))
                {
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new SiloProcess(process, http, siloPort);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await client.GetAsync($"{silo.BaseUrl}/health/ready")).IsSuccessStatusCode)
                {
                    return silo;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not up yet
            }

            await Task.Delay(250);
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        throw new TimeoutException("A silo process did not become ready in 60 seconds. Its last output:\n" + string.Join('\n', output));
    }

    /// <summary>Like a machine dying: no shutdown, no flush, nothing.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
