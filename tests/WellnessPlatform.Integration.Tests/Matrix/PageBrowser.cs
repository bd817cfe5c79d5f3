using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>
/// A browser for one cell: its own cookie jar holding the sign-in cookie the host itself would issue
/// (the ticket is protected with the host's cookie options) and whatever the pages set, no redirects
/// followed, and forms posted with the antiforgery token of the page they are on.
/// </summary>
internal sealed partial class PageBrowser : IDisposable
{
    private static readonly Uri Origin = new("http://localhost");
    private readonly PlatformFactory _platform;
    private readonly CookieContainer _jar = new();
    private readonly HttpClient _http;
    private readonly bool _signedIn;

    public PageBrowser(PlatformFactory platform, Identity? identity)
    {
        _platform = platform;
        _http = platform.CreateDefaultClient(Origin, new CookieContainerHandler(_jar));
        _signedIn = identity is not null;
        if (identity is not null)
        {
            _jar.Add(Origin, new Cookie("wellness", SignInCookie(identity)));
        }
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    /// <summary>
    /// The token of the form on <paramref name="page"/>. A page the principal may not open still gives
    /// them a token on any page they can (the sign-out form of the layout), so a refused POST is refused by
    /// authorization, never by a missing token. Anonymous visitors see no form on this host (no demo
    /// sign-in outside Development), so theirs is issued by the host's antiforgery service directly.
    /// </summary>
    public async Task<string> AntiforgeryTokenAsync(string page)
    {
        foreach (var url in new[] { page, "/access-denied" })
        {
            using var response = await _http.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK && TokenField().Match(await response.Content.ReadAsStringAsync()) is { Success: true } match)
            {
                return WebUtility.HtmlDecode(match.Groups[1].Value);
            }
        }

        Assert.False(_signedIn, $"No page gave a signed-in principal an antiforgery token (tried {page} and /access-denied).");
        using var scope = _platform.Services.CreateScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IAntiforgery>().GetAndStoreTokens(new DefaultHttpContext { RequestServices = scope.ServiceProvider });
        _jar.Add(Origin, new Cookie(scope.ServiceProvider.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name!, tokens.CookieToken));
        return tokens.RequestToken!;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The cookie the sign-in page sets: the demo users' claim shape, protected with the host's own cookie options.</summary>
    private string SignInCookie(Identity identity)
    {
        var claims = new DemoUser(identity.Subject, identity.Subject, identity.Role, identity.Tenant, $"{identity.Role} {identity.Subject}").Claims();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimNames.Subject, ClaimNames.Role));
        var options = _platform.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        return options.TicketDataFormat.Protect(new AuthenticationTicket(principal, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
