using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.Security;
using WellnessPlatform.Host.Web;

namespace WellnessPlatform.Host.Pages.Hr;

/// <summary>The HR dashboard: the tenant's anonymized adherence, incident counts and links. Nothing links to a person.</summary>
[Authorize(Policy = PagePolicies.Hr)]
public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public static readonly int[] WeekChoices = [4, 8, 12, 26];

    public AdherenceReport? Report { get; private set; }

    public HrTables? Tables { get; private set; }

    public IReadOnlyDictionary<IncidentStatus, int> IncidentCounts { get; private set; } = new Dictionary<IncidentStatus, int>();

    public TenantLinks Links { get; private set; } = new(null, null);

    public string TenantName { get; private set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public int Weeks { get; set; } = 8;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>The tables on screen, as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync() =>
        await LoadAsync()
            ? File(Encoding.UTF8.GetBytes(Tables!.ToCsv()), "text/csv", $"adherence-{Tables.LatestWeek}.csv")
            : NotFound();

    private async Task<bool> LoadAsync()
    {
        Weeks = WeekChoices.Contains(Weeks) ? Weeks : 8;
        var tenantId = User.Tenant();
        var tenant = grains.GetGrain<ITenantGrain>(tenantId);
        var config = await tenant.GetConfigAsync();
        var report = await tenant.GetAdherenceAsync(Weeks);
        if (config is null || !report.IsOk)
        {
            return false;
        }

        TenantName = config.Name;
        Report = report.Value;
        Tables = HrTables.From(report.Value!);
        IncidentCounts = await grains.GetGrain<IIncidentIndexGrain>(GrainKeys.IncidentIndex(tenantId)).CountsAsync();
        Links = TenantLinks.From(config);
        return true;
    }
}
