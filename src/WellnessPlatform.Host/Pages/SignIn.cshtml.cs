using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Pages;

/// <summary>
/// Development: choose a demo user. Elsewhere: the configured OpenID Connect provider. The demo
/// picker refuses to sign anyone in outside Development.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(IWebHostEnvironment environment, IAuthenticationSchemeProvider schemes) : PageModel
{
    public bool IsDevelopment => environment.IsDevelopment();

    public bool HasProvider { get; private set; }

    public async Task OnGetAsync() => HasProvider = await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme) is not null;

    public async Task<IActionResult> OnPostAsync(string userId)
    {
        if (!IsDevelopment)
        {
            return NotFound();
        }

        var user = DemoUser.All.FirstOrDefault(u => u.Id == userId && u.Tenant is not null);
        if (user is null)
        {
            return NotFound();
        }

        var identity = new ClaimsIdentity(user.Claims(), CookieAuthenticationDefaults.AuthenticationScheme, ClaimNames.Subject, ClaimNames.Role);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(IndexModel.HomeOf(new ClaimsPrincipal(identity)));
    }

    /// <summary>Off to the provider; back to the page that asked for sign-in (only ever one of ours), else home.</summary>
    public async Task<IActionResult> OnPostProviderAsync(string? returnUrl) =>
        await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme) is null
            ? NotFound()
            : Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(returnUrl) ? returnUrl : "/" }, OpenIdConnectDefaults.AuthenticationScheme);
}
