using WellnessPlatform.Contracts;
using WellnessPlatform.Domain;
using System.Security.Claims;
using WellnessPlatform.Grains.Isolation;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Api;

/// <summary>
/// Checks the ids named in the route before any grain is touched, and stamps the caller's tenant on the
/// request context so the grains refuse anything that would reach another tenant.
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

        // The grains check calls against the caller's own tenant (from the token, not the route), so a
        // mistake in a route's authorization still cannot reach another tenant's data.
        var tenant = context.HttpContext.User.FindFirstValue(ClaimNames.Tenant)
            ?? (context.HttpContext.User.HasClaim(ClaimNames.Role, Roles.Operator) ? context.HttpContext.GetRouteValue("tenantId") as string : null);
        if (tenant is not null)
        {
            TenantContext.Set(tenant);
        }

        return await next(context);
    }
}
