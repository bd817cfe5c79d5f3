using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WellnessPlatform.Host.Pages;

/// <summary>
/// Signs out of the platform and, for someone who signed in at the provider, of the provider too:
/// otherwise the next "Sign in" would pass straight back in without asking who is there.
/// </summary>
[AllowAnonymous]
public sealed class SignOutModel(IAuthenticationSchemeProvider schemes) : PageModel
{
    public IActionResult OnGet() => Redirect("/signin");

    public async Task<IActionResult> OnPostAsync()
    {
        var signedIn = await HttpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var atProvider = signedIn.Succeeded && signedIn.Properties?.GetTokenValue("id_token") is not null
            && await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme) is not null;
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return atProvider
            ? SignOut(new AuthenticationProperties { RedirectUri = "/signin" }, OpenIdConnectDefaults.AuthenticationScheme)
            : Redirect("/signin");
    }
}
