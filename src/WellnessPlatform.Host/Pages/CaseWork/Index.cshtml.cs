using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Host.CaseWork;
using WellnessPlatform.Host.Security;
using WellnessPlatform.Host.Web;

namespace WellnessPlatform.Host.Pages.CaseWork;

/// <summary>The case workers' incident queue, filtered by status and age. Reading it is audited.</summary>
[Authorize(Policy = PagePolicies.CaseWork)]
public sealed class IndexModel(AuditedCaseWork caseWork) : PageModel
{
    public static readonly int[] AgeChoices = [7, 30, 90, 365];

    [BindProperty(SupportsGet = true)]
    public IncidentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MaxAgeDays { get; set; }

    public IReadOnlyList<IncidentSummary> Queue { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var tenant = User.ActForTenant();
        MaxAgeDays = MaxAgeDays is { } d && AgeChoices.Contains(d) ? d : null;
        Queue = await caseWork.ReadQueueAsync(tenant, User, Status, MaxAgeDays);
    }
}
