using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WellnessPlatform.AppHost;

/// <summary>
/// MailDev (npm) as an executable resource: the SMTP relay the silos send through, with a web inbox
/// that shows every email they sent. Healthy as soon as its SMTP port accepts connections.
/// </summary>
internal static class MailDevResource
{
    public static IResourceBuilder<ExecutableResource> AddMailDev(this IDistributedApplicationBuilder builder, string name, string repositoryRoot, int smtpPort, int webPort)
    {
        var healthCheck = $"{name}-smtp";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async cancellationToken =>
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", smtpPort, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (SocketException)
            {
                return HealthCheckResult.Unhealthy($"Nothing listens on 127.0.0.1:{smtpPort} yet.");
            }
        });

        return builder.AddExecutable(name, Path.Combine(repositoryRoot, "node_modules", ".bin", "maildev"), repositoryRoot,
                ["--smtp", Port(smtpPort), "--web", Port(webPort), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent"])
            .WithHttpEndpoint(port: webPort, name: "inbox", isProxied: false)
            .WithHealthCheck(healthCheck);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
