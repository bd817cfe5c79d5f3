using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace WellnessPlatform.Testing;

/// <summary>
/// A real SMTP server with a web inbox (MailDev from the repository's node_modules, installed by npm ci)
/// on free loopback ports, in memory: what the platform sends is read back through its REST API
/// (<see cref="MailDevInbox"/>), so tests assert on the email a person would receive.
/// </summary>
public sealed class MailDevProcess : IAsyncDisposable
{
    private Process? _process;

    public int SmtpPort { get; } = Ports.Free();

    public int WebPort { get; } = Ports.Free();

    /// <summary>The REST API's base: GET email, DELETE email/all, GET email/{id}.</summary>
    public Uri ApiBase => new($"http://127.0.0.1:{WebPort}/api/");

    public MailDevInbox Inbox() => new(ApiBase);

    public async Task StartAsync()
    {
        var executable = Path.Combine(AzuriteProcess.RepositoryRoot(), "node_modules", ".bin", "maildev");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"MailDev is not installed at {executable}; run scripts/test.sh (or npm ci) first.");
        }

        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["--smtp", Port(SmtpPort), "--web", Port(WebPort), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent"])
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("MailDev did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await IsListeningAsync(SmtpPort) && await IsListeningAsync(WebPort))
            {
                return;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"MailDev exited with code {_process.ExitCode}.");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("MailDev did not listen within 30 seconds.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static async Task<bool> IsListeningAsync(int port)
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
