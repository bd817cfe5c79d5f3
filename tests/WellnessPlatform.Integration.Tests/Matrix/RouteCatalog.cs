using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>
/// Everything the host answers, read from its endpoint data source: "METHOD /pattern" for each route,
/// and for each Razor Page its GET and every handler method ("POST /portal?handler=Enrol"), loaded the
/// way the page loader does at the first request, so a new handler shows up without anyone listing it.
/// </summary>
internal static class RouteCatalog
{
    /// <summary>Each key, and whether it is a page (signed in with the cookie) rather than an API route (a bearer token).</summary>
    public static async Task<IReadOnlyDictionary<string, bool>> ReadAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var keys = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // A page renders for GET even without an OnGet, so its GET is always there.
                keys[$"GET {path}"] = true;
                foreach (var handler in (await loader.LoadAsync(page, endpoint.Metadata)).HandlerMethods)
                {
                    keys[$"{handler.HttpMethod.ToUpperInvariant()} {path}{(handler.Name is null ? string.Empty : "?handler=" + handler.Name)}"] = true;
                }

                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                keys[$"{method} {path}"] = false;
            }
        }

        return keys;
    }
}
