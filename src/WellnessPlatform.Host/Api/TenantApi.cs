using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;
using WellnessPlatform.Host.Api.Requests;

namespace WellnessPlatform.Host.Api;

/// <summary>Employer routes: settings and the anonymized adherence report.</summary>
public static class TenantApi
{
    public const int DefaultWeeks = 8;

    public static RouteGroupBuilder MapTenantApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tenants/{tenantId}")
            .AddEndpointFilter<RouteIdsFilter>()
            .WithTags("Tenant");

        api.MapPut("/", Configure).WithName("ConfigureTenant").WithSummary("Create a tenant or update its settings.");
        api.MapGet("/", GetConfig).WithName("GetTenant").WithSummary("The tenant's settings and links.");
        api.MapGet("/adherence", GetAdherence).WithName("GetAdherence")
            .WithSummary("Anonymized adherence per ISO week and department; small groups suppressed.");
        return api;
    }

    private static async Task<IResult> Configure(string tenantId, TenantRequest body, IGrainFactory grains)
    {
        var errors = new List<FieldError>();
        var config = body.ToConfig(errors);
        return errors.Count > 0
            ? OutcomeResults.Invalid(errors)
            : (await grains.GetGrain<ITenantGrain>(tenantId).ConfigureAsync(config)).ToHttp();
    }

    private static async Task<IResult> GetConfig(string tenantId, IGrainFactory grains) =>
        await grains.GetGrain<ITenantGrain>(tenantId).GetConfigAsync() is { } config
            ? TypedResults.Ok(config)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "This employer is not set up on the platform.");

    private static async Task<IResult> GetAdherence(string tenantId, IGrainFactory grains, int? weeks) =>
        (await grains.GetGrain<ITenantGrain>(tenantId).GetAdherenceAsync(weeks ?? DefaultWeeks)).ToHttp();
}
