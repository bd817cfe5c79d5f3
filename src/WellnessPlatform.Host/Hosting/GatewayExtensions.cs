using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Options;
using WellnessPlatform.Host.OpenApi;
using WellnessPlatform.Host.Roster;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Hosting;

/// <summary>HTTP plumbing shared by every route: JSON, problem details, OpenAPI, request limits.</summary>
public static class GatewayExtensions
{
    /// <summary>No request body the API accepts comes near this; anything larger is refused before parsing.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddWellnessGateway(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<GatewayExceptionHandler>();
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<ApiDocumentTransformer>();
            o.AddOperationTransformer<ProblemResponsesTransformer>();
            o.AddSchemaTransformer<OmittedNullsTransformer>();
        });
        builder.Services.AddRazorPages();
        builder.Services.AddSingleton<RosterUpload>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        // The safety net behind the storage and grain-call timeouts: work that observes the request's
        // token stops at the deadline, and the caller hears 503 with Retry-After.
        builder.Services.AddRequestTimeouts();
        builder.Services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<StorageTimeoutSettings>>((o, timeouts) => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = timeouts.Value.RequestDeadline,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = context =>
            {
                context.Response.Headers.RetryAfter = GatewayExceptionHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "The service did not finish in time; this may or may not have been recorded. Retry with the same client id: a repeat is never counted twice.")
                    .ExecuteAsync(context);
            },
        });
        return builder;
    }

    public static WebApplication UseWellnessGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseRequestTimeouts();
        app.UseStatusCodePages();

        // Kestrel enforces the limit on the wire; this refuses a declared oversize body before any
        // work, on every server (the test server has no Kestrel limits).
        app.Use((context, next) =>
        {
            // A route that takes files (the roster upload) declares its own limit; every other route has 64 KiB.
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxRequestBodyBytes;
            if (limit != MaxRequestBodyBytes && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength > limit)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.").ExecuteAsync(context);
            }

            return next(context);
        });
        if (app.Environment.IsDevelopment())
        {
            // The interactive API page, served from the package itself: no CDN involved.
            app.UseSwaggerUI(o =>
            {
                o.SwaggerEndpoint("/openapi/v1.json", "WellnessPlatform");
                o.RoutePrefix = "api-docs";
            });
        }

        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseTenantStamping();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapRazorPages();
        return app;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }
}
