using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Host.Api.Requests;
using WellnessPlatform.Host.Security;
using WellnessPlatform.Host.Web;

namespace WellnessPlatform.Host.Pages.Admin;

/// <summary>
/// The tenant admin's settings page: the occupational-health team's address for case-work alerts.
/// Only that field is posted, and the tenant grain changes only it, checking the result with
/// <c>TenantConfigRules</c> as it does for the API: no other setting can be reached from here.
/// </summary>
[Authorize(Policy = PagePolicies.Admin)]
public sealed class SettingsModel(IGrainFactory grains) : PageModel
{
    /// <summary>The address saved now; null when no alerts are sent.</summary>
    public string? Saved { get; private set; }

    [BindProperty]
    public string? CaseWorkEmail { get; set; }

    /// <summary>Set by the "Stop the alerts" button: removes the address whatever the field holds.</summary>
    [BindProperty]
    public bool Clear { get; set; }

    public string? Error { get; private set; }

    private ITenantGrain Tenant => grains.GetGrain<ITenantGrain>(User.Tenant());

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Tenant.GetConfigAsync() is not { } config)
        {
            return NotFound();
        }

        Saved = config.CaseWorkEmail;
        CaseWorkEmail = Saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var address = Clear ? null : TenantRequest.CaseWorkAddress(CaseWorkEmail);
        var outcome = await Tenant.SetCaseWorkEmailAsync(address);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsOk)
        {
            TempData["Message"] = address is null ? "Case-work alerts are off: no address is saved." : $"Saved: case-work alerts go to {address}.";
            return RedirectToPage();
        }

        // Refused: nothing changed, so the page shows what is still saved next to what was typed.
        Saved = (await Tenant.GetConfigAsync())?.CaseWorkEmail;
        Error = outcome.Errors.Any(e => e.Field == "caseWorkEmail")
            ? $"Give one address such as team@example.com, at most {ReminderRules.MaxEmailLength} characters."
            : (outcome.Errors.Count > 0 ? outcome.Errors[0].Message : null) ?? outcome.Detail ?? "The address could not be saved.";
        return Page();
    }
}
