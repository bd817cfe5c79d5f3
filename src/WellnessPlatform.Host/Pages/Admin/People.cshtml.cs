using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Tenants;
using WellnessPlatform.Host.Roster;
using WellnessPlatform.Host.Security;
using WellnessPlatform.Host.Web;

namespace WellnessPlatform.Host.Pages.Admin;

/// <summary>
/// The tenant admin's people page: the roster a page at a time, one invitation, and a CSV upload whose
/// progress the page follows. The tenant comes from the signed-in admin, never from the URL.
/// </summary>
[Authorize(Policy = PagePolicies.Admin)]
[RequestSizeLimit(RosterUpload.MaxFileBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = RosterUpload.MaxFileBytes + (64 * 1024))]
public sealed class PeopleModel(IGrainFactory grains, RosterUpload upload) : PageModel
{
    public const int PageSize = 50;

    public TenantConfig? Config { get; private set; }

    public long Count { get; private set; }

    public InvitationPage Invitations { get; private set; } = new([], null);

    public RosterImportStatus? Import { get; private set; }

    public Invitation? Invited { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    [BindProperty(SupportsGet = true)]
    public string? Continuation { get; set; }

    [BindProperty(SupportsGet = true, Name = "import")]
    public string? ImportId { get; set; }

    [BindProperty]
    public string? EmployeeId { get; set; }

    [BindProperty]
    public string? Department { get; set; }

    private IRosterGrain Roster => grains.GetGrain<IRosterGrain>(GrainKeys.Roster(User.Tenant()));

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>The upload's progress as JSON, for the page's script.</summary>
    public async Task<IActionResult> OnGetProgressAsync() =>
        ImportId is { } id && RosterPaging.IsImportId(id) && await upload.GetAsync(User.Tenant(), id) is { } status
            ? new JsonResult(status)
            : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        var (text, error) = await RosterUpload.ReadAsync(Request, cancellationToken);
        if (error is null)
        {
            var outcome = await upload.StartAsync(User.Tenant(), text!, User.Subject());
            if (outcome.IsOk)
            {
                return RedirectToPage(new { import = outcome.Value!.ImportId });
            }

            error = outcome.Errors.Count > 0 ? outcome.Errors[0] : new(outcome.Code ?? "file", outcome.Code ?? "invalid", outcome.Detail ?? "The file could not be read.");
        }

        Errors = new Dictionary<string, string> { ["file"] = error.Message };
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        var errors = new Dictionary<string, string>();
        if (!GrainKeys.IsValidId(EmployeeId))
        {
            errors["employeeId"] = "Give the person's id: 1–64 lowercase letters, digits or dashes.";
        }

        if (string.IsNullOrEmpty(Department))
        {
            errors["department"] = "Choose a department.";
        }

        if (errors.Count == 0)
        {
            var outcome = await Roster.InviteAsync(EmployeeId!, Department!, User.Subject());
            if (outcome.IsOk)
            {
                Invited = outcome.Value;
            }
            else
            {
                foreach (var e in outcome.Errors)
                {
                    errors[e.Field] = e.Message;
                }

                if (outcome.Errors.Count == 0)
                {
                    errors["employeeId"] = outcome.Detail ?? "The invitation could not be made.";
                }
            }
        }

        Errors = errors;
        return await LoadAsync() ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync()
    {
        var tenant = User.Tenant();
        Config = await grains.GetGrain<ITenantGrain>(tenant).GetConfigAsync();
        if (Config is null)
        {
            return false;
        }

        // A link edited by hand (not a token of ours) shows the first page rather than failing.
        var page = Roster.PageAsync(PageSize, RosterCursor.TryParse(Continuation, out _) ? Continuation : null);
        var count = Roster.CountAsync();
        Invitations = await page;
        Count = await count;
        if (ImportId is { } id && RosterPaging.IsImportId(id))
        {
            Import = await upload.GetAsync(tenant, id);
        }

        return true;
    }
}
