using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WellnessPlatform.Host.OpenApi;

/// <summary>
/// What the whole document says once: who it is for, the bearer scheme, and the problem-details
/// schemas that <see cref="ProblemResponsesTransformer"/> refers every 4xx to.
/// </summary>
public sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";
    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "ValidationProblemDetails";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Catalog"] = "The exercises, their prescriptions and cues; no sign-in needed.",
        ["Tenant"] = "An employer's settings and its anonymized HR dashboard.",
        ["Employee"] = "A person's own enrolment, screening, routine, sessions, pain check-ins, incidents and reminders.",
        ["Employee rights"] = "A person's export of everything held about them, and erasure.",
        ["Case work"] = "The incident queue, the work queue and case workers' actions on cases.",
        ["Administration"] = "Invitations, the roster upload and reconciliation, for a tenant admin.",
        ["Audit"] = "The tenant's audit log.",
        ["Development sign-in"] = "Demo users and their tokens; in Development only.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "WellnessPlatform API",
            Version = "v1",
            Description = "Back-pain routines for employees, anonymized adherence for their employer, and case work for incidents. "
                + "Every route but the exercise catalog needs a bearer token (a JWT) carrying the caller's tenant and role.",
            License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://wellness.example.com/terms") },
        };

        // Relative: the API is wherever this document was fetched from, in every deployment.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host that serves this document." }];
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description ??= tag.Name is { } name ? TagDescriptions.GetValueOrDefault(name) : null;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT from the configured OpenID Connect provider (or, in Development, POST /dev/token/{userId}).",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(ProblemSchema, Problem(withErrors: false));
        document.Components.Schemas.TryAdd(ValidationProblemSchema, Problem(withErrors: true));
        return Task.CompletedTask;
    }

    /// <summary>RFC 9457 problem details as ASP.NET Core writes them; extensions (traceId, codes) are allowed.</summary>
    private static OpenApiSchema Problem(bool withErrors)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = withErrors ? "Problem details naming each invalid field." : "Problem details (RFC 9457).",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            },
        };
        if (withErrors)
        {
            schema.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }

        return schema;
    }
}
