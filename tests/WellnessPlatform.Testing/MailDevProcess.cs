using System.Diagnostics;
using System.Globalization;

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
        _process = NodeTool.Start("MailDev", "maildev",
            ["--smtp", Port(SmtpPort), "--web", Port(WebPort), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent"]);
        await NodeTool.WaitListeningAsync("MailDev", _process, SmtpPort, WebPort);
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
}
