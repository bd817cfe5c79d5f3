using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Host.Audit;
using WellnessPlatform.Host.Security;
using WellnessPlatform.Host.Web;

namespace WellnessPlatform.Host.Pages.CaseWork;

/// <summary>One case: report, timeline, the allowed next steps, clearance, restrictions, consented pain trend and the case's audit trail.</summary>
[Authorize(Policy = PagePolicies.CaseWork)]
public sealed class CaseModel(IGrainFactory grains, AuditLog audit) : PageModel
{
    public IncidentCase? Case { get; private set; }

    public EmployeeStatus? Employee { get; private set; }

    public PainTrendView? PainTrend { get; private set; }

    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var tenant = User.ActForTenant();
        if (!GrainKeys.IsValidId(id))
        {
            return NotFound();
        }

        var outcome = await grains.GetGrain<IIncidentGrain>(GrainKeys.Incident(tenant, id)).GetAsync();
        if (!outcome.IsOk)
        {
            return NotFound();
        }

        Case = outcome.Value;
        await audit.AppendAsync(tenant, User, "incident.read", id);
        var employee = grains.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenant, Case!.EmployeeId));
        Employee = (await employee.GetStatusAsync()).Value;
        var trend = await employee.GetConsentedPainTrendAsync();
        if (trend.IsOk)
        {
            PainTrend = trend.Value;
            await audit.AppendAsync(tenant, User, "pain-trend.read", Case.EmployeeId);
        }

        Audit = await audit.ForSubjectAsync(tenant, id);
        return Page();
    }

    public async Task<IActionResult> OnPostTransitionAsync(string id, IncidentStatus to, string? note)
    {
        var tenant = User.ActForTenant();
        var outcome = await grains.GetGrain<IIncidentGrain>(GrainKeys.Incident(tenant, id)).TransitionAsync(to, User.Subject(), note);
        if (outcome.IsOk)
        {
            await audit.AppendAsync(tenant, User, "incident.transition", id, to.ToString());
        }

        TempData["Message"] = outcome.IsOk ? $"Case moved to {to}." : outcome.Detail;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostClearanceAsync(string id, string employeeId)
    {
        var tenant = User.ActForTenant();
        var outcome = await grains.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenant, employeeId)).RecordClearanceAsync(User.Subject());
        if (outcome.IsOk)
        {
            await audit.AppendAsync(tenant, User, "clearance.recorded", employeeId, $"case {id}");
        }

        TempData["Message"] = outcome.IsOk ? "Clearance recorded: the routine is open again." : outcome.Detail;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRestrictionsAsync(string id, string employeeId, List<string>? exerciseIds)
    {
        var tenant = User.ActForTenant();
        var outcome = await grains.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenant, employeeId)).SetRestrictionsAsync(exerciseIds ?? []);
        if (outcome.IsOk)
        {
            await audit.AppendAsync(tenant, User, "restrictions.set", employeeId, string.Join(",", exerciseIds ?? []));
        }

        TempData["Message"] = outcome.IsOk ? "Restrictions saved." : outcome.Detail;
        return RedirectToPage(new { id });
    }
}
