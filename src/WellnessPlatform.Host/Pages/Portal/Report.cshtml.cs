using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.Audit;
using WellnessPlatform.Host.Security;
using WellnessPlatform.Host.Web;

namespace WellnessPlatform.Host.Pages.Portal;

/// <summary>The employee's incident report (OSHA Form 301 style), and the receipt with what comes next.</summary>
[Authorize(Policy = PagePolicies.Portal)]
public sealed class ReportModel(IGrainFactory grains, AuditLog audit) : PageModel
{
    public string NewReportId { get; } = Guid.NewGuid().ToString("N");

    public IncidentCase? Filed { get; private set; }

    public TenantLinks Links { get; private set; } = new(null, null);

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task OnGetAsync() => Links = TenantLinks.From(await grains.GetGrain<ITenantGrain>(User.ActForTenant()).GetConfigAsync());

    public async Task<IActionResult> OnPostAsync(string clientReportId, DateTime? occurredAt, string location, string activity, string whatHappened,
        string injury, string bodyPart, TreatmentSought treatment, bool privacyCase)
    {
        var tenant = User.ActForTenant();
        Links = TenantLinks.From(await grains.GetGrain<ITenantGrain>(tenant).GetConfigAsync());
        if (occurredAt is null)
        {
            Errors = [new FieldError("occurredAt", "required", "Say when it happened.")];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var employee = User.Subject();
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{employee}\n{clientReportId}")))[..24];
        var report = new IncidentReport(new DateTimeOffset(DateTime.SpecifyKind(occurredAt.Value, DateTimeKind.Utc)), location, activity, whatHappened, injury, bodyPart, treatment, privacyCase);
        var outcome = await grains.GetGrain<IIncidentGrain>(GrainKeys.Incident(tenant, id)).ReportAsync(employee, report);
        if (!outcome.IsOk)
        {
            Errors = outcome.Errors.Count > 0 ? outcome.Errors : [new FieldError(string.Empty, outcome.Code ?? "error", outcome.Detail ?? "The report could not be filed.")];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await audit.AppendAsync(tenant, User, "incident.reported", id);
        Filed = outcome.Value;
        return Page();
    }
}
