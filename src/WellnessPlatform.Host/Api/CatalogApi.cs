using WellnessPlatform.Domain.Catalog;

namespace WellnessPlatform.Host.Api;

/// <summary>The exercise catalog, including the movements to avoid and why.</summary>
public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/exercises").WithTags("Catalog").AllowAnonymous();
        api.MapGet("/", () => TypedResults.Ok(ExerciseCatalog.All)).WithName("GetExercises").WithSummary("Every exercise with its prescription and cues.");
        return api;
    }
}
