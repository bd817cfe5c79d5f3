using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using WellnessPlatform.Domain;
using WellnessPlatform.Grains.Rights;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.Rights;
using WellnessPlatform.Host.Security;
using WellnessPlatform.Host.Web;

namespace WellnessPlatform.Host.Pages.Portal;

/// <summary>The employee's data: download everything held as JSON, or erase it (typed confirmation, antiforgery).</summary>
[Authorize(Policy = PagePolicies.Portal)]
public sealed class DataModel(EmployeeRights rights, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : PageModel
{
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public ErasureReceipt? Erased { get; private set; }

    public string Confirmation => ErasureConfirmation.Phrase;

    public void OnGet()
    {
    }

    /// <summary>The same document as GET .../export, offered as a file.</summary>
    public async Task<IActionResult> OnGetDownloadAsync()
    {
        var export = await rights.ExportAsync(User.Tenant(), User.Actor(), User.Subject());
        if (export is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(export.ToResponse(), json.Value.SerializerOptions);
        return File(bytes, "application/json", string.Create(CultureInfo.InvariantCulture, $"wellness-data-{export.EmployeeId}-{export.GeneratedAt:yyyy-MM-dd}.json"));
    }

    public async Task<IActionResult> OnPostEraseAsync(string? confirm)
    {
        if (confirm?.Trim() != ErasureConfirmation.Phrase)
        {
            return Refuse(new FieldError("confirm", "confirmation_required", $"Type {ErasureConfirmation.Phrase} to confirm; nothing was erased."));
        }

        var outcome = await rights.EraseAsync(User.Tenant(), User.Actor(), User.Subject());
        if (!outcome.IsOk)
        {
            return Refuse(new FieldError(string.Empty, outcome.Code ?? "error", outcome.Detail ?? "Erasure is recorded but did not complete yet; it finishes by itself. Try again shortly to see the receipt."));
        }

        Erased = outcome.Value;
        return Page();
    }

    private PageResult Refuse(FieldError error)
    {
        Errors = [error];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
