using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WellnessPlatform.Contracts.CareQueue;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.CareQueue;
using WellnessPlatform.Grains.CaseWork;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.CaseWork;
using WellnessPlatform.Host.Security;
using WellnessPlatform.Host.Web;

namespace WellnessPlatform.Host.Pages.CaseWork;

/// <summary>
/// The case worker's work queue: counts by kind, then a list per kind, each entry acted on in place
/// (clear, restrict, open the case). Every page read, clearance and restriction is audited.
/// </summary>
[Authorize(Policy = PagePolicies.CaseWork)]
public sealed class QueueModel(AuditedCaseWork caseWork, IGrainFactory grains) : PageModel
{
    /// <summary>Entries shown per kind; "More" pages one kind on.</summary>
    public const int PageSize = 25;

    /// <summary>When set with a token, only this kind is shown, from that page on.</summary>
    [BindProperty(SupportsGet = true)]
    public CareQueueKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ContinuationToken { get; set; }

    public IReadOnlyDictionary<CareQueueKind, int> Counts { get; private set; } = new Dictionary<CareQueueKind, int>();

    public IReadOnlyList<(CareQueueKind Kind, CareQueuePage Page)> Lists { get; private set; } = [];

    /// <summary>The employer's incident procedure and workers' compensation pages, where the employer gave them.</summary>
    public TenantLinks Links { get; private set; } = new(null, null);

    public async Task OnGetAsync()
    {
        var token = ContinuationToken is { Length: > 0 and <= IncidentPaging.MaxTokenLength } t ? t : null;
        var kinds = Kind is { } only && token is not null ? [only] : Enum.GetValues<CareQueueKind>();
        var lists = new List<(CareQueueKind, CareQueuePage)>();
        foreach (var kind in kinds)
        {
            var (page, counts) = await caseWork.ReadWorkQueueAsync(User.Tenant(), User.Actor(), new CareQueueQuery(kind, PageSize, token));
            lists.Add((kind, page));
            Counts = counts;
        }

        Lists = lists;
        Links = TenantLinks.From(await grains.GetGrain<ITenantGrain>(User.Tenant()).GetConfigAsync());
    }

    public async Task<IActionResult> OnPostClearAsync(string employeeId, string? note)
    {
        var outcome = await caseWork.ClearAsync(User.Tenant(), User.Actor(), employeeId, string.IsNullOrWhiteSpace(note) ? "work queue" : note);
        TempData["Message"] = outcome.IsOk ? $"Clearance recorded for {employeeId}: their routine is open again." : outcome.Detail;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRestrictAsync(string employeeId, List<string>? exerciseIds)
    {
        var outcome = await caseWork.RestrictAsync(User.Tenant(), User.Actor(), employeeId, exerciseIds ?? []);
        TempData["Message"] = outcome.IsOk ? $"Restrictions saved for {employeeId}." : outcome.Detail;
        return RedirectToPage();
    }
}
