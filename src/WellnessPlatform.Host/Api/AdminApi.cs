using System.Security.Claims;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Domain;
using WellnessPlatform.Host.Api.Requests;
using WellnessPlatform.Host.Reconciliation;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Api;

/// <summary>Tenant administration: inviting employees into departments.</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tenants/{tenantId}/invitations")
            .AddEndpointFilter<RouteIdsFilter>()
            .RequireAccess(AccessRule.TenantAdmin)
            .WithTags("Administration");

        routes.MapPost("/api/tenants/{tenantId}/reconciliation", Reconcile)
            .AddEndpointFilter<RouteIdsFilter>()
            .RequireAccess(AccessRule.TenantAdmin)
            .WithTags("Administration")
            .WithName("ReconcileTenant")
            .WithSummary("Recompute the tenant's aggregates from its employees and report every difference.");

        api.MapPut("/{employeeId}", Invite).WithName("InviteEmployee").WithSummary("Invite an employee into a department, or move them to another.");
        api.MapGet("/", List).WithName("ListInvitations").WithSummary("Everyone invited, with their department.");
        return api;
    }

    private static async Task<IResult> Invite(string tenantId, string employeeId, InvitationRequest body, IGrainFactory grains, ClaimsPrincipal caller)
    {
        var errors = new List<FieldError>();
        var department = RequestParsing.Required(body.Department, "department", errors);
        return errors.Count > 0
            ? OutcomeResults.Invalid(errors)
            : (await grains.GetGrain<IRosterGrain>(GrainKeys.Roster(tenantId)).InviteAsync(employeeId, department, caller.Subject())).ToHttp();
    }

    private static async Task<IResult> Reconcile(string tenantId, TenantReconciler reconciler, CancellationToken cancellationToken) =>
        await reconciler.ReconcileAsync(tenantId, cancellationToken) is { } report
            ? TypedResults.Ok(report)
            : OutcomeResults.Problem(StatusCodes.Status404NotFound, "tenant_not_found", "This employer is not set up on the platform.");

    private static async Task<IResult> List(string tenantId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IRosterGrain>(GrainKeys.Roster(tenantId)).ListAsync());
}
