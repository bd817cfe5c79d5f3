using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Grains.CaseWork;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.Security;
using WellnessPlatform.Host.Web;

namespace WellnessPlatform.Host.Pages.Portal;

/// <summary>The employee's incident report (OSHA Form 301 style), and the receipt with what comes next.</summary>
[Authorize(Policy = PagePolicies.Portal)]
public sealed class ReportModel(IGrainFactory grains, AuditedCaseWork caseWork) : PageModel
{
    public string NewReportId { get; } = Guid.NewGuid().ToString("N");

    public IncidentCase? Filed { get; private set; }

    public TenantLinks Links { get; private set; } = new(null, null);

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task OnGetAsync() => Links = TenantLinks.From(await grains.GetGrain<ITenantGrain>(User.Tenant()).GetConfigAsync());

    public async Task<IActionResult> OnPostAsync(string clientReportId, DateTime? occurredAt, string location, string activity, string whatHappened,
        string injury, string bodyPart, TreatmentSought treatment, bool privacyCase)
    {
        var tenant = User.Tenant();
        Links = TenantLinks.From(await grains.GetGrain<ITenantGrain>(tenant).GetConfigAsync());
        if (occurredAt is null)
        {
            Errors = [new FieldError("occurredAt", "required", "Say when it happened.")];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var report = new IncidentReport(new DateTimeOffset(DateTime.SpecifyKind(occurredAt.Value, DateTimeKind.Utc)), location, activity, whatHappened, injury, bodyPart, treatment, privacyCase);
        var outcome = await caseWork.ReportAsync(tenant, User.Actor(), clientReportId, report);
        if (!outcome.IsOk)
        {
            Errors = outcome.Errors.Count > 0 ? outcome.Errors : [new FieldError(string.Empty, outcome.Code ?? "error", outcome.Detail ?? "The report could not be filed.")];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Filed = outcome.Value;
        return Page();
    }
}
