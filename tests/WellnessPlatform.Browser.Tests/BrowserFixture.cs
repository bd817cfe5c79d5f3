using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Playwright;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Browser.Tests;

/// <summary>
/// The real host in Development (demo data) on Kestrel over loopback with Azurite, MailDev (what is sent
/// is read back from its inbox, and its links point at this host) and the platform's OpenID Connect
/// provider (oidc-provider), whose accounts are the demo users: pages sign in through its own login
/// page. Debian's Chromium is driven by Playwright. Screenshots and accessibility results go to artifacts/.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Every demo account's password at the test provider.</summary>
    public const string Password = "back-care-demo";

    /// <summary>The audience of the second provider, "employer", which a tenant admin can register as the demo employer's own.</summary>
    public const string EmployerAudience = "wellness-employer";

    private const string ClientId = "wellness-pages";
    private const string ClientSecret = "browser-tests-client-secret";

    private AzuriteProcess _azurite = null!;
    private readonly MailDevProcess _mailDev = new();
    private OidcProviderProcess _identity = null!;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public MailDevInbox Inbox => _mailDev.Inbox();

    /// <summary>The issuer of the employer's own provider (ES256; no login page used, tokens are minted).</summary>
    public string EmployerIssuer => _identity.Issuer("employer");

    /// <summary>An access token minted at the employer's provider with the given claims.</summary>
    public Task<string> MintAtEmployerAsync(string subject, IReadOnlyDictionary<string, object> claims) =>
        _identity.MintAsync("employer", subject, claims, EmployerAudience);

    /// <summary>The provider's origin, where its login page is.</summary>
    public string ProviderOrigin => $"http://127.0.0.1:{_identity.Port}";

    public static string Artifacts { get; } = Path.Combine(AzuriteProcess.RepositoryRoot(), "artifacts");

    public async Task InitializeAsync()
    {
        _azurite = new AzuriteProcess();
        await _azurite.StartAsync();
        await _mailDev.StartAsync();

        // A free port can be taken by another process before Kestrel binds it: try a few, each of which
        // the provider knows as a redirect address.
        var ports = Enumerable.Range(0, 5).Select(_ => Ports.Free()).Distinct().ToList();
        _identity = new OidcProviderProcess([new OidcProviderDefinition("platform", "wellness-platform",
            [new OidcClient(ClientId, [.. ports.Select(p => $"http://127.0.0.1:{p}/signin-oidc")], [.. ports.Select(p => $"http://127.0.0.1:{p}/signout-callback-oidc")], ClientSecret)],
            [.. DemoUser.All.Select(Account)]),
            new OidcProviderDefinition("employer", EmployerAudience, [], [], OidcSigningAlgorithm.ES256)]);
        await _identity.StartAsync();
        for (var attempt = 1; ; attempt++)
        {
            var port = ports[attempt - 1];
            _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Development");
                b.UseSetting("ConnectionStrings:Tables", _azurite.ConnectionString);
                b.UseSetting("WellnessPlatform:Cluster:ClusterId", "browser");
                b.UseSetting("WellnessPlatform:Cluster:ServiceId", "browser");
                b.UseSetting("WellnessPlatform:Cluster:SiloPort", Ports.Free().ToString(CultureInfo.InvariantCulture));
                b.UseSetting("WellnessPlatform:Cluster:GatewayPort", Ports.Free().ToString(CultureInfo.InvariantCulture));
                b.UseSetting("WellnessPlatform:Demo:Seed", "true");
                b.UseSetting("WellnessPlatform:Mail:SmtpPort", _mailDev.SmtpPort.ToString(CultureInfo.InvariantCulture));
                b.UseSetting("WellnessPlatform:Mail:PublicBaseUrl", $"http://127.0.0.1:{port}/");
                b.UseSetting("urls", $"http://127.0.0.1:{port}");
                b.UseSetting("WellnessPlatform:Auth:Authority", _identity.Issuer("platform"));
                b.UseSetting("WellnessPlatform:Auth:ClientId", ClientId);
                b.UseSetting("WellnessPlatform:Auth:ClientSecret", ClientSecret);
            });
            _factory.UseKestrel();
            try
            {
                _factory.StartServer();
                BaseUrl = $"http://127.0.0.1:{port}";
                break;
            }
            catch (IOException) when (attempt < ports.Count)
            {
                await _factory.DisposeAsync();
            }
        }

        await WaitForDemoDataAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _azurite.DisposeAsync();
        await _mailDev.DisposeAsync();
        await _identity.DisposeAsync();
    }

    /// <summary>
    /// A fresh browser context signed in as a demo user the way people sign in: "Sign in with your
    /// organisation", the provider's login page, and back to the person's home page.
    /// </summary>
    public async Task<IPage> SignInAsync(string demoUser, bool phone = false)
    {
        var page = await NewPageAsync(phone);
        await page.GotoAsync("/signin");
        await page.ClickAsync("button:has-text('Sign in with your organisation')");
        await SubmitProviderLoginAsync(page, DemoUser.All.Single(u => u.Id == demoUser).Subject, Password);
        await page.WaitForURLAsync(url => url.StartsWith(BaseUrl, StringComparison.Ordinal) && !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Fills and sends the provider's own login form.</summary>
    public async Task SubmitProviderLoginAsync(IPage page, string username, string password)
    {
        await page.WaitForURLAsync(url => url.StartsWith(ProviderOrigin, StringComparison.Ordinal));
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>A fresh browser context signed in through the Development build's demo picker.</summary>
    public async Task<IPage> SignInWithDemoPickerAsync(string demoUser)
    {
        var page = await NewPageAsync(phone: false);
        await page.GotoAsync("/signin");
        await page.ClickAsync($"button[data-user='{demoUser}']");
        return page;
    }

    public async Task<IPage> NewPageAsync(bool phone)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    private static OidcAccount Account(DemoUser user) => new(user.Subject, Password, user.Tenant is null
        ? new Dictionary<string, object> { ["role"] = user.Role, ["name"] = user.DisplayName }
        : new Dictionary<string, object> { ["role"] = user.Role, ["tenant"] = user.Tenant, ["name"] = user.DisplayName, ["email"] = $"{user.Subject}@{user.Tenant}.example" });

    /// <summary>An API client with a token from <see cref="TokenFor"/>.</summary>
    public HttpClient ApiAs(string subject, string role, string? tenant)
    {
        var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(subject, role, tenant));
        return http;
    }

    /// <summary>A bearer token signed with the host's key, for a caller the demo sign-in does not offer (another tenant; an operator has none).</summary>
    public string TokenFor(string subject, string role, string? tenant)
    {
        var settings = _factory!.Services.GetRequiredService<AuthSettings>();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(tenant is null
                ? [new Claim("sub", subject), new Claim("role", role)]
                : [new Claim("sub", subject), new Claim("role", role), new Claim("tenant", tenant)]),
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(settings.SigningKeys[0])), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An API client signed in as a demo user (through the development token endpoint).</summary>
    public async Task<HttpClient> ApiAsAsync(string demoUser)
    {
        var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        using var issued = await http.PostAsync($"/dev/token/{demoUser}", null);
        issued.EnsureSuccessStatusCode();
        var token = (string)(await issued.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Path.Combine(Artifacts, "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "screenshots", $"{name}.png"), FullPage = true });
    }

    private async Task WaitForDemoDataAsync()
    {
        using var http = await ApiAsAsync("caseworker");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync("/api/tenants/demo/incidents");
            if (response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray().Count >= 2)
            {
                return;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The demo data was not seeded within two minutes.");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
