using WellnessPlatform.Contracts;
using WellnessPlatform.Domain;

namespace WellnessPlatform.Host.Api;

/// <summary>
/// Checks the ids named in the route before any grain is touched. (Who the grain calls act for is
/// stamped once per request by <see cref="Security.TenantStamping"/>.)
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

        return await next(context);
    }
}
