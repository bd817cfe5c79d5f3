using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// Employers' own OpenID Connect providers (oidc-provider, started by the fixture): a tenant admin
/// registers one, its tokens then act for that tenant only, with the roles its mapping grants, and the
/// platform's provider stays the only source of operators. Tokens are minted at the real providers,
/// signed with their current keys (RS256 at acme, ES256 at globex).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IdentityProviderTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private const string Department = "office";
    private PlatformFactory _platform = null!;

    private OidcProviderProcess Providers => fixture.Identity;

    public async Task InitializeAsync()
    {
        _platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await _platform.CreateTenantAsync("acme", Department);
        await _platform.CreateTenantAsync("globex", Department);
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task An_employers_token_acts_for_its_tenant_as_the_person_and_role_its_mapping_names()
    {
        await RegisterAsync("acme", AzuriteFixture.AcmeAudience);
        await _platform.ReadyEmployeeAsync("acme", "alice-acme-test", Department);

        using var alice = await AtProviderAsync("acme", "00u1", new() { ["preferred_username"] = "Alice@acme.test", ["groups"] = new[] { "Wellness-Employees" } });
        using var hr = await AtProviderAsync("acme", "00u2", new() { ["preferred_username"] = "hr@acme.test", ["groups"] = new[] { "Wellness-HR" } });
        using var nobody = await AtProviderAsync("acme", "00u3", new() { ["preferred_username"] = "carol@acme.test", ["groups"] = new[] { "Sales" } });

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(alice, HttpMethod.Get, "/api/tenants/acme/employees/alice-acme-test/progress"));
        var session = await alice.SendForAsync(HttpMethod.Post, "/api/tenants/acme/employees/alice-acme-test/sessions", new { clientSessionId = "s-1", exercises = Api.Routine });
        Assert.Equal(HttpStatusCode.Created, session.Status);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(hr, HttpMethod.Get, "/api/tenants/acme/adherence"));

        // HR is not the employee, and a group the mapping does not list grants nothing.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(hr, HttpMethod.Get, "/api/tenants/acme/employees/alice-acme-test/progress"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(nobody, HttpMethod.Get, "/api/tenants/acme/adherence"));
    }

    [Fact]
    public async Task The_person_scim_provisioned_is_the_person_who_signs_in_at_the_employers_provider()
    {
        await RegisterAsync("acme", AzuriteFixture.AcmeAudience);
        var issued = await _platform.Admin("acme").SendOkAsync(HttpMethod.Post, "/api/tenants/acme/scim-token");
        using var scim = _platform.CreateClient();
        scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)issued["secret"]!);
        using var create = new StringContent("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "userName":"Hana.Ito@acme.test","active":true,"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"office"}}
            """, System.Text.Encoding.UTF8, "application/scim+json");
        using var created = await scim.PostAsync("/scim/v2/Users", create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // The provider names her by the same userName; she enrols as the invited person, and only as her.
        using var hana = await AtProviderAsync("acme", "00u-hana", new() { ["preferred_username"] = "Hana.Ito@acme.test", ["groups"] = new[] { "Wellness-Employees" } });
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(hana, HttpMethod.Post, "/api/tenants/acme/employees/hana-ito-acme-test/enrolment", new { timeZone = "Etc/UTC" }));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(hana, HttpMethod.Post, "/api/tenants/acme/employees/00u-hana/enrolment", new { timeZone = "Etc/UTC" }));
    }

    [Fact]
    public async Task A_token_from_one_employers_provider_never_acts_for_another_whatever_it_claims()
    {
        await RegisterAsync("acme", AzuriteFixture.AcmeAudience);
        await RegisterAsync("globex", AzuriteFixture.GlobexAudience);
        var (_, victim) = await _platform.ReadyEmployeeAsync("globex", "bob", Department);

        // Minted at acme's provider, claiming globex outright: refused at authentication.
        using var claimsGlobex = await AtProviderAsync("acme", "bob", new() { ["preferred_username"] = "bob", ["tenant"] = "globex", ["groups"] = new[] { "Wellness-Employees", "Wellness-Admins" } });
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(claimsGlobex, HttpMethod.Post, $"{victim}/sessions", new { clientSessionId = "forged", exercises = Api.Routine }));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(claimsGlobex, HttpMethod.Get, "/api/tenants/globex/adherence"));

        // Without the claim it is an acme person, and globex's routes refuse them.
        using var acmeBob = await AtProviderAsync("acme", "bob", new() { ["preferred_username"] = "bob", ["groups"] = new[] { "Wellness-Employees", "Wellness-Admins" } });
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(acmeBob, HttpMethod.Post, $"{victim}/sessions", new { clientSessionId = "forged-2", exercises = Api.Routine }));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(acmeBob, HttpMethod.Put, "/api/tenants/globex/invitations/mallory", new { department = Department }));

        // An employer's provider never makes an operator, whatever its groups say.
        using var operatorClaim = await AtProviderAsync("acme", "ops", new() { ["preferred_username"] = "ops", ["role"] = "operator", ["groups"] = new[] { "operator" } });
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(operatorClaim, HttpMethod.Put, "/api/tenants/newco", new { name = "New", departments = new[] { Department } }));

        // globex's own provider (ES256) does speak for bob.
        using var globexBob = await AtProviderAsync("globex", "bob", new() { ["preferred_username"] = "bob", ["groups"] = new[] { "Wellness-Employees" } });
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(globexBob, HttpMethod.Get, $"{victim}/progress"));

        // Nothing changed at globex: bob logged nothing and mallory was not invited.
        var progress = await _platform.Employee("globex", "bob").SendOkAsync(HttpMethod.Get, $"{victim}/progress");
        Assert.Empty(progress["sessionDays"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await _platform.Employee("globex", "mallory").SendForAsync(HttpMethod.Get, "/api/tenants/globex/employees/mallory")).Status);
    }

    [Fact]
    public async Task Operators_come_from_the_platforms_provider_only()
    {
        using var platformOperator = await AtProviderAsync("platform", "ops-1", new() { ["role"] = "operator" }, AzuriteFixture.PlatformAudience);
        using var platformEmployee = await AtProviderAsync("platform", "erin", new() { ["role"] = "employee", ["tenant"] = "acme" }, AzuriteFixture.PlatformAudience);
        await _platform.ReadyEmployeeAsync("acme", "erin", Department);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(platformOperator, HttpMethod.Put, "/api/tenants/newco", new { name = "New", departments = new[] { Department } }));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(platformEmployee, HttpMethod.Get, "/api/tenants/acme/employees/erin/progress"));

        // acme's provider, not registered by anyone yet: its tokens are nobody's.
        using var unregistered = await AtProviderAsync("acme", "ops-2", new() { ["role"] = "operator" });
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(unregistered, HttpMethod.Put, "/api/tenants/otherco", new { name = "Other", departments = new[] { Department } }));
    }

    [Fact]
    public async Task A_bad_token_from_a_registered_provider_is_refused()
    {
        await RegisterAsync("acme", AzuriteFixture.AcmeAudience);
        await _platform.ReadyEmployeeAsync("acme", "dave", Department);
        var claims = new Dictionary<string, object> { ["preferred_username"] = "dave", ["groups"] = new[] { "Wellness-Employees" } };
        const string url = "/api/tenants/acme/employees/dave/progress";

        var expired = await Providers.MintAsync("acme", "dave", claims, AzuriteFixture.AcmeAudience, TimeSpan.FromMinutes(-5));
        var otherAudience = await Providers.MintAsync("acme", "dave", claims, "someone-else");
        var good = await Providers.MintAsync("acme", "dave", claims, AzuriteFixture.AcmeAudience);
        var tampered = good[..good.LastIndexOf('.')] + "." + new string('A', 86);
        var hs256AsAcme = TestTokens.Create("dave", "employee", "acme", issuer: Providers.Issuer("acme"), audience: AzuriteFixture.AcmeAudience);

        foreach (var token in new[] { expired, otherAudience, tampered, hs256AsAcme })
        {
            using var http = WithToken(token);
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, HttpMethod.Get, url));
        }

        using var ok = WithToken(good);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(ok, HttpMethod.Get, url));
    }

    [Fact]
    public async Task Registration_is_checked_and_an_issuer_belongs_to_one_employer()
    {
        var admin = _platform.Admin("acme");
        var bad = await admin.SendForAsync(HttpMethod.Put, "/api/tenants/acme/identity-provider", new
        {
            issuer = "not a url",
            audience = "",
            claims = new { subject = "preferred_username", roles = new Dictionary<string, string> { ["Ops"] = "operator" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        var fields = bad.Body!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("issuer", fields);
        Assert.Contains("audience", fields);
        Assert.Contains("claims.roles.Ops", fields);

        var unreachable = await admin.SendForAsync(HttpMethod.Put, "/api/tenants/acme/identity-provider", new { issuer = $"http://127.0.0.1:{Ports.Free()}/nobody", audience = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, unreachable.Status);
        Assert.Contains("issuer", unreachable.Body!["errors"]!.AsObject().Select(e => e.Key));

        var platformOwn = await admin.SendForAsync(HttpMethod.Put, "/api/tenants/acme/identity-provider", new { issuer = Providers.Issuer("platform"), audience = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, platformOwn.Status);

        // Nothing was registered by any of those.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.SendForAsync(HttpMethod.Get, "/api/tenants/acme/identity-provider")).Status);

        var registered = await RegisterAsync("acme", AzuriteFixture.AcmeAudience);
        Assert.Equal(Providers.Issuer("acme"), (string)registered["issuer"]!);
        Assert.Equal("employee", (string)registered["claims"]!["roles"]!["Wellness-Employees"]!);

        var taken = await _platform.Admin("globex").SendForAsync(HttpMethod.Put, "/api/tenants/globex/identity-provider", new { issuer = Providers.Issuer("acme"), audience = AzuriteFixture.AcmeAudience });
        Assert.Equal(HttpStatusCode.Conflict, taken.Status);
        Assert.Equal("issuer_taken", (string)taken.Body!["code"]!);

        // Another employer's admin can neither read nor replace acme's registration.
        Assert.Equal(HttpStatusCode.Forbidden, (await _platform.Admin("globex").SendForAsync(HttpMethod.Get, "/api/tenants/acme/identity-provider")).Status);
        var read = await admin.SendOkAsync(HttpMethod.Get, "/api/tenants/acme/identity-provider");
        Assert.Equal(AzuriteFixture.AcmeAudience, (string)read["audience"]!);
    }

    [Fact]
    public async Task Removing_the_provider_refuses_its_tokens_at_once_and_frees_the_issuer()
    {
        await RegisterAsync("acme", AzuriteFixture.AcmeAudience);
        await _platform.ReadyEmployeeAsync("acme", "erin", Department);
        using var erin = await AtProviderAsync("acme", "erin", new() { ["preferred_username"] = "erin", ["groups"] = new[] { "Wellness-Employees" } });
        const string url = "/api/tenants/acme/employees/erin/progress";
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(erin, HttpMethod.Get, url));

        Assert.Equal(HttpStatusCode.NoContent, (await _platform.Admin("acme").SendForAsync(HttpMethod.Delete, "/api/tenants/acme/identity-provider")).Status);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(erin, HttpMethod.Get, url));
        Assert.Equal(HttpStatusCode.NotFound, (await _platform.Admin("acme").SendForAsync(HttpMethod.Delete, "/api/tenants/acme/identity-provider")).Status);

        // The issuer is free again; registered by globex, acme's old token still cannot reach acme.
        await RegisterAsync("globex", AzuriteFixture.AcmeAudience, issuerOf: "acme");
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(erin, HttpMethod.Get, url));
    }

    [Fact]
    public async Task A_token_verified_before_is_refused_once_the_registration_names_another_audience()
    {
        await RegisterAsync("acme", AzuriteFixture.AcmeAudience);
        await _platform.ReadyEmployeeAsync("acme", "gina", Department);
        using var gina = await AtProviderAsync("acme", "gina", new() { ["preferred_username"] = "gina", ["groups"] = new[] { "Wellness-Employees" } });
        const string url = "/api/tenants/acme/employees/gina/progress";

        // Verified twice (the second from the gateway's verified-token cache), then the employer changes its audience.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(gina, HttpMethod.Get, url));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(gina, HttpMethod.Get, url));
        await RegisterAsync("acme", "acme-wellness-v2");

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(gina, HttpMethod.Get, url));
    }

    [Fact]
    public async Task A_key_rotated_at_the_provider_is_picked_up_without_a_restart()
    {
        await RegisterAsync("acme", AzuriteFixture.AcmeAudience);
        await _platform.ReadyEmployeeAsync("acme", "frank", Department);
        var claims = new Dictionary<string, object> { ["preferred_username"] = "frank", ["groups"] = new[] { "Wellness-Employees" } };
        const string url = "/api/tenants/acme/employees/frank/progress";
        using var before = WithToken(await Providers.MintAsync("acme", "frank", claims, AzuriteFixture.AcmeAudience));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(before, HttpMethod.Get, url));

        // Past the refresh interval (1 s here) since the keys were read, the provider rotates.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var kid = await Providers.RotateKeyAsync("acme");
        var afterToken = await Providers.MintAsync("acme", "frank", claims, AzuriteFixture.AcmeAudience);
        Assert.Equal(kid, new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(afterToken).Kid);

        using var after = WithToken(afterToken);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(after, HttpMethod.Get, url));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(before, HttpMethod.Get, url)); // the old key is still published
    }

    [Fact]
    public async Task A_provider_that_cannot_be_reached_answers_503_and_changes_nothing()
    {
        await using var offline = new OidcProviderProcess([new OidcProviderDefinition("offline", "wellness-offline", [], [])]);
        await offline.StartAsync();
        var admin = _platform.Admin("acme");
        await admin.SendOkAsync(HttpMethod.Put, "/api/tenants/acme/identity-provider", new { issuer = offline.Issuer("offline"), audience = "wellness-offline" });
        var (_, path) = await _platform.ReadyEmployeeAsync("acme", "gina", Department);
        var token = await offline.MintAsync("offline", "gina", new Dictionary<string, object> { ["role"] = "employee" }, "wellness-offline");
        await offline.DisposeAsync();

        using var gina = WithToken(token);
        var answer = await gina.SendForAsync(HttpMethod.Post, $"{path}/sessions", new { clientSessionId = "while-offline", exercises = Api.Routine });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Equal("identity_provider_unavailable", (string)answer.Body!["code"]!);
        var progress = await _platform.Employee("acme", "gina").SendOkAsync(HttpMethod.Get, $"{path}/progress");
        Assert.Empty(progress["sessionDays"]!.AsArray());
    }

    private async Task<JsonNode> RegisterAsync(string tenant, string audience, string? issuerOf = null) =>
        await _platform.Admin(tenant).SendOkAsync(HttpMethod.Put, $"/api/tenants/{tenant}/identity-provider", new
        {
            issuer = Providers.Issuer(issuerOf ?? tenant),
            audience,
            claims = new
            {
                subject = "preferred_username",
                role = "groups",
                roles = new Dictionary<string, string> { ["Wellness-Employees"] = "employee", ["Wellness-HR"] = "hr", ["Wellness-Admins"] = "tenant-admin" },
            },
        });

    private async Task<HttpClient> AtProviderAsync(string provider, string subject, Dictionary<string, object> claims, string? audience = null) =>
        WithToken(await Providers.MintAsync(provider, subject, claims, audience ?? (provider == "globex" ? AzuriteFixture.GlobexAudience : AzuriteFixture.AcmeAudience)));

    private HttpClient WithToken(string token)
    {
        var http = _platform.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, HttpMethod method, string url, object? body = null) =>
        (await http.SendForAsync(method, url, body)).Status;
}
