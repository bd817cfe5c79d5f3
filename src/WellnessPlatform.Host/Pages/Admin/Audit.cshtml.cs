using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WellnessPlatform.Grains.Audit;
using WellnessPlatform.Host.Security;
using WellnessPlatform.Host.Web;

namespace WellnessPlatform.Host.Pages.Admin;

/// <summary>The tenant's audit log for its admin, newest first, a page at a time. Reading it changes nothing.</summary>
[Authorize(Policy = PagePolicies.Admin)]
public sealed class AuditModel(AuditLog audit) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Continuation { get; set; }

    public AuditPage Entries { get; private set; } = new([], null);

    public async Task OnGetAsync() =>
        Entries = await audit.PageAsync(User.Tenant(), PageSize, string.IsNullOrEmpty(Continuation) ? null : Continuation);
}
