using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WellnessPlatform.Host.Hosting;

namespace WellnessPlatform.Integration.Tests;

/// <summary>Runs one exception through the gateway's real exception handler and reads back what a client would get.</summary>
internal static class GatewayHandlerHarness
{
    public sealed record Answer(int Status, string? RetryAfter, string? ContentType, string Body)
    {
        public JsonNode Problem => JsonNode.Parse(Body)!;
    }

    public static async Task<Answer> HandleAsync(Exception exception)
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var handler = new GatewayExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), services.GetRequiredService<ILogger<GatewayExceptionHandler>>());
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;

        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));

        var retryAfter = context.Response.Headers.RetryAfter;
        return new Answer(context.Response.StatusCode, retryAfter.Count == 0 ? null : retryAfter.ToString(), context.Response.ContentType,
            System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
