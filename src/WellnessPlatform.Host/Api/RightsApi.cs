using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using WellnessPlatform.Contracts;
using WellnessPlatform.Domain;
using WellnessPlatform.Grains.Rights;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.Hosting;
using WellnessPlatform.Host.Rights;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Api;

/// <summary>The employee's rights: export of everything held about them, and erasure (docs/privacy.md).</summary>
public static class RightsApi
{
    public static RouteGroupBuilder MapRightsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tenants/{tenantId}/employees/{employeeId}")
            .AddEndpointFilter<RouteIdsFilter>()
            .WithTags("Employee rights");

        api.MapGet("/export", Export).RequireAccess(AccessRule.EmployeeSelf).WithName("ExportEmployeeData")
            .WithSummary("Everything held about you as one JSON document; add download=true to save it as a file.");
        api.MapDelete("/", Erase).RequireAccess(AccessRule.EmployeeSelfOrTenantAdmin).WithName("EraseEmployee")
            .WithSummary($"Erase the person's data (confirm={ErasureConfirmation.Phrase}); incident cases are kept, disconnected from the account.");
        return api;
    }

    private static async Task<Results<Ok<EmployeeDataExportResponse>, ProblemHttpResult>> Export(string tenantId, string employeeId, bool? download, EmployeeRights rights, ClaimsPrincipal caller, HttpContext http)
    {
        var export = await rights.ExportAsync(tenantId, caller.Actor(), employeeId);
        if (export is null)
        {
            return OutcomeResults.Problem(StatusCodes.Status404NotFound, "not_enrolled", "Nothing is held about this person.");
        }

        // Personal data: never kept by a shared cache.
        http.Response.Headers.CacheControl = "no-store";
        if (download == true)
        {
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(string.Create(CultureInfo.InvariantCulture, $"wellness-data-{employeeId}-{export.GeneratedAt:yyyy-MM-dd}.json"));
            http.Response.Headers.ContentDisposition = disposition.ToString();
        }

        return TypedResults.Ok(export.ToResponse());
    }

    private static async Task<Results<Ok<ErasureReceiptResponse>, ProblemHttpResult>> Erase(string tenantId, string employeeId, string? confirm, EmployeeRights rights, ClaimsPrincipal caller, HttpContext http)
    {
        if (confirm != ErasureConfirmation.Phrase)
        {
            return OutcomeResults.Invalid([new FieldError("confirm", "confirmation_required",
                $"Erasure cannot be undone: add confirm={ErasureConfirmation.Phrase} to the request.")]);
        }

        var outcome = await rights.EraseAsync(tenantId, caller.Actor(), employeeId);
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            // Recorded, not finished: its reminder finishes it, and the same request can simply be repeated.
            http.Response.Headers.RetryAfter = GatewayExceptionHandler.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return OutcomeResults.Problem(StatusCodes.Status503ServiceUnavailable, outcome.Code!, outcome.Detail!);
        }

        return outcome.ToHttp(ErasureMapping.ToResponse);
    }
}
