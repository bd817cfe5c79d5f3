using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Grains.CaseWork;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.CaseWork;
using WellnessPlatform.Host.Security;
using WellnessPlatform.Host.Web;

namespace WellnessPlatform.Host.Pages.CaseWork;

/// <summary>
/// The case workers' incident queue, one page at a time, filtered by status and age, with the tenant's
/// counts by status. Reading a page is audited.
/// </summary>
[Authorize(Policy = PagePolicies.CaseWork)]
public sealed class IndexModel(AuditedCaseWork caseWork, IGrainFactory grains) : PageModel
{
    public static readonly int[] AgeChoices = [7, 30, 90, 365];

    [BindProperty(SupportsGet = true)]
    public IncidentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MaxAgeDays { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageSize { get; set; }

    /// <summary>Where this page starts: the previous page's token; none for the first page.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ContinuationToken { get; set; }

    public IReadOnlyList<IncidentSummary> Queue { get; private set; } = [];

    public string? NextToken { get; private set; }

    public IReadOnlyDictionary<IncidentStatus, int> Counts { get; private set; } = new Dictionary<IncidentStatus, int>();

    /// <summary>The employer's incident procedure and workers' compensation pages, where the employer gave them.</summary>
    public TenantLinks Links { get; private set; } = new(null, null);

    public async Task OnGetAsync()
    {
        var tenant = User.Tenant();
        MaxAgeDays = MaxAgeDays is { } d && AgeChoices.Contains(d) ? d : null;
        PageSize = PageSize is >= 1 and <= IncidentQueueQuery.MaxPageSize ? PageSize : null;
        ContinuationToken = ContinuationToken is { Length: > 0 and <= IncidentPaging.MaxTokenLength } token ? token : null;
        var counts = grains.GetGrain<IIncidentIndexGrain>(GrainKeys.IncidentIndex(tenant)).CountsAsync();
        var page = await caseWork.ReadQueueAsync(tenant, User.Actor(), new IncidentQueueQuery(Status, MaxAgeDays, null, PageSize ?? IncidentQueueQuery.DefaultPageSize, ContinuationToken));
        Queue = page.Items;
        NextToken = page.ContinuationToken;
        Counts = await counts;
        Links = TenantLinks.From(await grains.GetGrain<ITenantGrain>(tenant).GetConfigAsync());
    }
}
