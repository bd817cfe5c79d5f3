using System.Diagnostics;
using System.Net.Sockets;

namespace WellnessPlatform.Testing;

/// <summary>
/// A tool the tests run from the repository's node_modules (Azurite, MailDev): started with its output
/// drained, and awaited until it listens on loopback, or given up on when it exits or takes too long.
/// </summary>
public static class NodeTool
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    /// <summary>Starts node_modules/.bin/<paramref name="bin"/> with the arguments.</summary>
    public static Process Start(string name, string bin, IEnumerable<string> arguments)
    {
        var executable = Path.Combine(AzuriteProcess.RepositoryRoot(), "node_modules", ".bin", bin);
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{name} is not installed at {executable}; run scripts/test.sh (or npm ci) first.");
        }

        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");

        // Drained, so a chatty tool never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Returns once every port accepts a connection; throws if the process exits first or the time is up.</summary>
    public static async Task WaitListeningAsync(string name, Process process, params int[] ports)
    {
        var deadline = DateTime.UtcNow + StartLimit;
        while (DateTime.UtcNow < deadline)
        {
            var all = true;
            foreach (var port in ports)
            {
                all &= await IsListeningAsync(port);
            }

            if (all)
            {
                return;
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with code {process.ExitCode}.");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{name} did not listen within {StartLimit.TotalSeconds:0} seconds.");
    }

    public static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
