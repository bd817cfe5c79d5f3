using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Care;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Grains.Audit;
using WellnessPlatform.Grains.CaseWork;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.Security;
using WellnessPlatform.Host.Web;

namespace WellnessPlatform.Host.Pages.CaseWork;

/// <summary>One case: report, timeline, the allowed next steps, clearance, restrictions, the care track and treatment, consented pain trend and the case's audit trail.</summary>
[Authorize(Policy = PagePolicies.CaseWork)]
public sealed class CaseModel(IGrainFactory grains, AuditedCaseWork caseWork, AuditLog audit) : PageModel
{
    public IncidentCase? Case { get; private set; }

    public EmployeeStatus? Employee { get; private set; }

    public PainTrendView? PainTrend { get; private set; }

    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];

    public string? Problem { get; private set; }

    /// <summary>The employer's incident procedure and workers' compensation pages, where the employer gave them.</summary>
    public TenantLinks Links { get; private set; } = new(null, null);

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var tenant = User.Tenant();
        if (!GrainKeys.IsValidId(id))
        {
            return NotFound();
        }

        var outcome = await caseWork.ReadCaseAsync(tenant, User.Actor(), id);
        if (!outcome.IsOk)
        {
            return NotFound();
        }

        Case = outcome.Value!;
        Employee = (await grains.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenant, Case.EmployeeId)).GetStatusAsync()).Value;
        PainTrend = (await caseWork.ReadPainTrendAsync(tenant, User.Actor(), Case.EmployeeId)).Value;

        Audit = await audit.ForSubjectAsync(tenant, id);
        Links = TenantLinks.From(await grains.GetGrain<ITenantGrain>(tenant).GetConfigAsync());
        return Page();
    }

    public async Task<IActionResult> OnPostTransitionAsync(string id, IncidentStatus to, string? note, DateOnly? until)
    {
        var outcome = await caseWork.TransitionAsync(User.Tenant(), User.Actor(), id, to, note, to == IncidentStatus.RestrictedDuty ? until : null);
        TempData["Message"] = outcome.IsOk ? $"Case moved to {to}." : outcome.Detail;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostClearanceAsync(string id, string employeeId)
    {
        var outcome = await caseWork.ClearAsync(User.Tenant(), User.Actor(), employeeId, $"case {id}");
        TempData["Message"] = outcome.IsOk ? "Clearance recorded: the routine is open again." : outcome.Detail;
        return RedirectToPage(new { id });
    }

    /// <summary>To the clinician-directed track for this case (its directing clinician named), or back to wellness.</summary>
    public async Task<IActionResult> OnPostTrackAsync(string id, string employeeId, CareTrack track, string? directedBy)
    {
        var outcome = track == CareTrack.Therapeutic
            ? await caseWork.MoveToTherapeuticAsync(User.Tenant(), User.Actor(), employeeId, id, directedBy?.Trim() ?? string.Empty)
            : await caseWork.ReturnToWellnessAsync(User.Tenant(), User.Actor(), employeeId);
        TempData["Message"] = outcome.IsOk ? $"Track changed: {Labels.Of(track).ToLowerInvariant()}."
            : outcome.Detail ?? string.Join(" ", outcome.Errors.Select(e => e.Message));
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRestrictionsAsync(string id, string employeeId, List<string>? exerciseIds)
    {
        var outcome = await caseWork.RestrictAsync(User.Tenant(), User.Actor(), employeeId, exerciseIds ?? []);
        TempData["Message"] = outcome.IsOk ? "Restrictions saved." : outcome.Detail;
        return RedirectToPage(new { id });
    }
}
