using WellnessPlatform.Domain.Catalog;
using WellnessPlatform.Host.Api.Responses;

namespace WellnessPlatform.Host.Api;

/// <summary>The exercise catalog, including the movements to avoid and why.</summary>
public static class CatalogApi
{
    /// <summary>The catalog never changes while the process runs: mapped once.</summary>
    private static readonly IReadOnlyList<ExerciseResponse> Exercises = ExerciseCatalog.All.ToResponses();

    public static RouteGroupBuilder MapCatalogApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/exercises").WithTags("Catalog").AllowAnonymous();
        api.MapGet("/", () => TypedResults.Ok(Exercises)).WithName("GetExercises").WithSummary("Every exercise with its prescription and cues.");
        return api;
    }
}
