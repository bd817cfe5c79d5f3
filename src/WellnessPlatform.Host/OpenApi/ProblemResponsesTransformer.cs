using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WellnessPlatform.Host.OpenApi;

/// <summary>
/// Describes the answers every operation can give besides its own: 400 (bad input, with the fields),
/// 429 (the rate limit) and, where sign-in is required, 401 and 403 with the bearer scheme. Every 4xx,
/// these and any a handler declares, is problem details, as the gateway writes them.
/// </summary>
public sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer ran without its document.");
        var anonymous = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
        AddUndeclaredPathParameters(operation, context.Description.RelativePath);
        operation.Responses ??= [];
        operation.Responses.TryAdd("400", new OpenApiResponse { Description = "The request is malformed or a value is invalid; the problem names each field." });
        operation.Responses.TryAdd("429", new OpenApiResponse { Description = "Too many requests from this caller; try again after the time in Retry-After." });
        if (anonymous)
        {
            // An empty requirement says "no sign-in", which is not the same as saying nothing.
            operation.Security = [new OpenApiSecurityRequirement()];
        }
        else
        {
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid bearer token: missing, expired, forged or from another issuer." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Signed in, but this role or tenant may not do this." });
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentTransformer.BearerScheme, document)] = [] }];
        }

        foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('4')).ToList())
        {
            var schema = status == "400" ? ApiDocumentTransformer.ValidationProblemSchema : ApiDocumentTransformer.ProblemSchema;
            var described = response as OpenApiResponse ?? new OpenApiResponse { Description = response.Description };
            described.Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            };
            operation.Responses[status] = described;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A handler that takes the person from the token rather than the route still sits under a route
    /// with their id, which the route filter checks; the document must declare it all the same.
    /// </summary>
    private static void AddUndeclaredPathParameters(OpenApiOperation operation, string? route)
    {
        operation.Parameters ??= [];
        foreach (var name in RouteParameters(route ?? string.Empty))
        {
            if (!operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Description = "Must match the caller's token.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }
    }

    private static IEnumerable<string> RouteParameters(string route) =>
        route.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1].Split(':', '=', '?')[0]);
}
