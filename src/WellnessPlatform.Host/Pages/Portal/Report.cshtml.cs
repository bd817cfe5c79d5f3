using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Domain.Time;
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

    /// <summary>The zone the person enters times in: their own, or the employer's before they enrol.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Now on the person's clock, for the form's upper bound.</summary>
    public DateTime LocalNow => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Zone).DateTime;

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync(string clientReportId, DateTime? occurredAt, string location, string activity, string whatHappened,
        string injury, string bodyPart, TreatmentSought treatment, bool privacyCase)
    {
        await LoadAsync();
        if (occurredAt is null)
        {
            return Refused(new FieldError("occurredAt", "required", "Say when it happened."));
        }

        if (LocalCalendar.Instant(occurredAt.Value, Zone) is not { } occurred)
        {
            return Refused(new FieldError("occurredAt", "skipped_time", $"That time did not exist in {Zone.Id}: the clocks went forward then. Choose a time just after the change."));
        }

        var report = new IncidentReport(occurred, location, activity, whatHappened, injury, bodyPart, treatment, privacyCase);
        var outcome = await caseWork.ReportAsync(User.Tenant(), User.Actor(), clientReportId, report);
        if (!outcome.IsOk)
        {
            Errors = outcome.Errors.Count > 0 ? outcome.Errors : [new FieldError(string.Empty, outcome.Code ?? "error", outcome.Detail ?? "The report could not be filed.")];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Filed = outcome.Value;
        return Page();
    }

    /// <summary>A time on the person's clock, as they read it.</summary>
    public string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture);

    private PageResult Refused(FieldError error)
    {
        Errors = [error];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync()
    {
        var config = await grains.GetGrain<ITenantGrain>(User.Tenant()).GetConfigAsync();
        Links = TenantLinks.From(config);
        var status = await grains.GetGrain<IEmployeeGrain>(User.EmployeeKey()).GetStatusAsync();
        Zone = LocalCalendar.ZoneOrUtc(status.Value?.TimeZone ?? config?.TimeZone);
    }
}
