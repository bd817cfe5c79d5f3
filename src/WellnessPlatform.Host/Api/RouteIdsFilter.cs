using WellnessPlatform.Contracts;
using WellnessPlatform.Domain;
using WellnessPlatform.Grains.Isolation;

namespace WellnessPlatform.Host.Api;

/// <summary>
/// Checks the tenant and person named in the route before any grain is touched, and stamps the tenant
/// on the request context so the grains refuse anything that would reach another tenant.
/// </summary>
internal sealed class RouteIdsFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new List<FieldError>();
        foreach (var name in new[] { "tenantId", "employeeId", "incidentId" })
        {
            if (context.HttpContext.GetRouteValue(name) is string value && !GrainKeys.IsValidId(value))
            {
                errors.Add(new FieldError(name, "invalid_id", "Ids are 1–64 lowercase letters, digits or dashes."));
            }
        }

        if (errors.Count > 0)
        {
            return OutcomeResults.Invalid(errors);
        }

        if (context.HttpContext.GetRouteValue("tenantId") is string tenantId)
        {
            TenantContext.Set(tenantId);
        }

        return await next(context);
    }
}
