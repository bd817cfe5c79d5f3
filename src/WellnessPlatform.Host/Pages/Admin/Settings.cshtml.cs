using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Identity;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Host.Api.Requests;
using WellnessPlatform.Host.Security;
using WellnessPlatform.Host.Web;

namespace WellnessPlatform.Host.Pages.Admin;

/// <summary>
/// The tenant admin's settings page: the occupational-health team's address for case-work alerts
/// (only that field is posted, and the tenant grain changes only it, checking the result with
/// <c>TenantConfigRules</c> as it does for the API), and the employer's own sign-in provider, registered
/// through the same <see cref="IdentityProviderRegistrar"/> as the API's.
/// </summary>
[Authorize(Policy = PagePolicies.Admin)]
public sealed class SettingsModel(IGrainFactory grains, IdentityProviderRegistrar providers) : PageModel
{
    /// <summary>The address saved now; null when no alerts are sent.</summary>
    public string? Saved { get; private set; }

    [BindProperty]
    public string? CaseWorkEmail { get; set; }

    /// <summary>Set by the "Stop the alerts" button: removes the address whatever the field holds.</summary>
    [BindProperty]
    public bool Clear { get; set; }

    public string? Error { get; private set; }

    /// <summary>The employer's registered provider; null when its people sign in through the platform's.</summary>
    public IdentityProviderRegistration? Provider { get; private set; }

    [BindProperty]
    public ProviderForm Form { get; set; } = new();

    public IReadOnlyList<FieldError> ProviderErrors { get; private set; } = [];

    private ITenantGrain Tenant => grains.GetGrain<ITenantGrain>(User.Tenant());

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        CaseWorkEmail = Saved;
        Form = ProviderForm.Of(Provider);
        return Page();
    }

    public async Task<IActionResult> OnPostProviderAsync(CancellationToken cancellationToken)
    {
        var outcome = await providers.RegisterAsync(User.Tenant(), Form.ToRequest(), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsOk)
        {
            TempData["Message"] = $"Saved: tokens from {outcome.Value!.Issuer} now sign your people in, as the mapping says.";
            return RedirectToPage();
        }

        // Refused: nothing changed; the page shows what is registered beside what was typed.
        ProviderErrors = outcome.Errors.Count > 0 ? outcome.Errors : [new FieldError("issuer", outcome.Code ?? "refused", outcome.Detail ?? "The provider could not be registered.")];
        if (!await LoadAsync())
        {
            return NotFound();
        }

        CaseWorkEmail ??= Saved;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveProviderAsync()
    {
        TempData["Message"] = await providers.RemoveAsync(User.Tenant())
            ? "Removed: your provider's tokens are refused from now on."
            : "No provider was registered.";
        return RedirectToPage();
    }

    /// <summary>What is saved now (both sections); false when the tenant does not exist.</summary>
    private async Task<bool> LoadAsync()
    {
        if (await Tenant.GetConfigAsync() is not { } config)
        {
            return false;
        }

        Saved = config.CaseWorkEmail;
        Provider = await providers.GetAsync(User.Tenant());
        return true;
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
        await LoadAsync();
        Error = outcome.Errors.Any(e => e.Field == "caseWorkEmail")
            ? $"Give one address such as team@example.com, at most {ReminderRules.MaxEmailLength} characters."
            : (outcome.Errors.Count > 0 ? outcome.Errors[0].Message : null) ?? outcome.Detail ?? "The address could not be saved.";
        return Page();
    }
}
