using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Pages;

/// <summary>Sends each signed-in person to their own surface.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect(HomeOf(User));

    public static string HomeOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.HasClaim(ClaimNames.Role, Roles.Employee) ? "/portal"
        : user.HasClaim(ClaimNames.Role, Roles.CaseWorker) ? "/casework/queue"
        : user.HasClaim(ClaimNames.Role, Roles.Hr) || user.HasClaim(ClaimNames.Role, Roles.TenantAdmin) ? "/hr"
        : "/signin";
}
