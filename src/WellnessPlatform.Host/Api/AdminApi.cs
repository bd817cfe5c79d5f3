using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Domain;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Host.Api.Requests;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Grains.Reconciliation;
using WellnessPlatform.Host.Roster;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Api;

/// <summary>Tenant administration: inviting employees into departments, one by one or by file.</summary>
public static class AdminApi
{
    public const int DefaultPageSize = 100;

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
            .DisableRequestTimeout() // reads every employee: minutes for a large tenant, by design
            .WithSummary("Recompute the tenant's aggregates from its employees and report every difference.");

        api.MapPut("/{employeeId}", Invite).WithName("InviteEmployee").WithSummary("Invite an employee into a department, or move them to another.");
        api.MapGet("/", List).WithName("ListInvitations")
            .WithSummary("Invitations in employee-id order, a page at a time (pageSize 1–1000, default 100); pass continuationToken for the next page.");
        api.MapPost("/imports", Upload).WithName("UploadRoster")
            .DisableRequestTimeout() // a 16 MiB file may take longer than the deadline to arrive
            .WithMetadata(new RequestSizeLimitAttribute(RosterUpload.MaxFileBytes + (64 * 1024)))
            .WithSummary("Upload a CSV of people as a text/csv body or a multipart form file (header: employeeId,department). Valid lines land; each refused line is reported by line and field. Answers 202 with the upload's progress.");
        api.MapGet("/imports/{importId}", GetUpload).WithName("GetRosterUpload").WithSummary("Progress and result of a roster upload.");
        return api;
    }

    private static async Task<Results<Ok<InvitationResponse>, ProblemHttpResult>> Invite(string tenantId, string employeeId, InvitationRequest body, IGrainFactory grains, ClaimsPrincipal caller)
    {
        var errors = new List<FieldError>();
        var department = RequestParsing.Required(body.Department, "department", errors);
        return errors.Count > 0
            ? OutcomeResults.Invalid(errors)
            : (await grains.GetGrain<IRosterGrain>(GrainKeys.Roster(tenantId)).InviteAsync(employeeId, department, caller.Subject())).ToHttp(RosterMapping.ToResponse);
    }

    private static async Task<Results<Ok<ReconciliationResponse>, ProblemHttpResult>> Reconcile(string tenantId, TenantReconciler reconciler, CancellationToken cancellationToken) =>
        await reconciler.ReconcileAsync(tenantId, cancellationToken) is { } report
            ? TypedResults.Ok(report.ToResponse())
            : OutcomeResults.Problem(StatusCodes.Status404NotFound, "tenant_not_found", "This employer is not set up on the platform.");

    private static async Task<Results<Ok<InvitationList>, ProblemHttpResult>> List(string tenantId, IGrainFactory grains, int? pageSize, string? continuationToken)
    {
        if (pageSize is < 1 or > RosterPaging.MaxPageSize)
        {
            return OutcomeResults.Invalid([new FieldError("pageSize", "out_of_range", $"Ask for 1 to {RosterPaging.MaxPageSize} invitations per page.")]);
        }

        if (continuationToken is not null && !RosterCursor.TryParse(continuationToken, out _))
        {
            return OutcomeResults.Invalid([new FieldError("continuationToken", "invalid", "Pass back the continuationToken of the previous page unchanged.")]);
        }

        var config = await grains.GetGrain<ITenantGrain>(tenantId).GetConfigAsync();
        if (config is null)
        {
            return OutcomeResults.Problem(StatusCodes.Status404NotFound, "tenant_not_found", "This employer is not set up on the platform.");
        }

        var roster = grains.GetGrain<IRosterGrain>(GrainKeys.Roster(tenantId));
        var pageRead = roster.PageAsync(pageSize ?? DefaultPageSize, continuationToken);
        var count = roster.CountAsync();
        var page = await pageRead;
        return TypedResults.Ok(new InvitationList([.. page.Items.Select(RosterMapping.ToResponse)], page.ContinuationToken, await count, config.RosterCapacity));
    }

    private static async Task<Results<Accepted<RosterImportResponse>, ProblemHttpResult>> Upload(string tenantId, HttpContext context, RosterUpload upload, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var (text, error) = await RosterUpload.ReadAsync(context.Request, cancellationToken);
        if (error is not null)
        {
            return error.Code == "too_large"
                ? OutcomeResults.Problem(StatusCodes.Status413PayloadTooLarge, error.Code, error.Message)
                : OutcomeResults.Invalid([error]);
        }

        var outcome = await upload.StartAsync(tenantId, text!, caller.Subject());
        return outcome.IsOk
            ? TypedResults.Accepted($"/api/tenants/{tenantId}/invitations/imports/{outcome.Value!.ImportId}", outcome.Value.ToResponse())
            : outcome.ToProblem();
    }

    private static async Task<Results<Ok<RosterImportResponse>, ProblemHttpResult>> GetUpload(string tenantId, string importId, RosterUpload upload) =>
        RosterPaging.IsImportId(importId) && await upload.GetAsync(tenantId, importId) is { } status
            ? TypedResults.Ok(status.ToResponse())
            : OutcomeResults.Problem(StatusCodes.Status404NotFound, "import_not_found", "No roster upload with this id.");
}
