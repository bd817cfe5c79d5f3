using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// SCIM 2.0 provisioning over HTTP on Azurite, with requests shaped as Okta and Entra ID send them:
/// create invites, a department change moves, active false and DELETE make a leaver through erasure;
/// filter, paging, ETags; bad bodies are SCIM 400s that change nothing; a tenant's secret reaches only
/// that tenant, and a wrong, rotated or revoked one is 401.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScimTests(AzuriteFixture fixture)
{
    private const string Core = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private const string ScimJson = "application/scim+json";

    [Fact]
    public async Task Okta_and_Entra_requests_invite_move_and_make_leavers_and_a_replayed_create_is_409_uniqueness_without_a_duplicate()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync("scim-flow", "office", "lab");
        var scim = await ScimClientAsync(platform, "scim-flow");

        // Okta first looks the person up, then creates them.
        var lookup = await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users?filter=" + Uri.EscapeDataString("userName eq \"Alice.Smith@example.com\"") + "&startIndex=1&count=100");
        Assert.Equal(HttpStatusCode.OK, lookup.Status);
        Assert.Equal(0, (int)lookup.Body!["totalResults"]!);

        var created = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", OktaCreate("Alice.Smith@example.com", "office"));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(ScimJson, created.MediaType);
        Assert.Equal("alice-smith-example-com", (string)created.Body!["id"]!);
        Assert.Equal("alice-smith-example-com", (string)created.Body["userName"]!);
        Assert.True((bool)created.Body["active"]!);
        Assert.Equal("office", (string)created.Body[Enterprise]!["department"]!);
        Assert.EndsWith("/scim/v2/Users/alice-smith-example-com", created.Location, StringComparison.Ordinal);
        Assert.Equal((string)created.Body["meta"]!["version"]!, created.ETag);

        // A replay (the provider retried, or lost the answer) is 409 uniqueness; the roster holds one person.
        var replay = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", OktaCreate("Alice.Smith@example.com", "office"));
        AssertError(replay, HttpStatusCode.Conflict, "uniqueness");
        Assert.Equal(["alice-smith-example-com:office"], await RosterAsync(platform, "scim-flow"));

        var found = await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users?filter=" + Uri.EscapeDataString("userName eq \"alice.smith@example.com\""));
        Assert.Equal(1, (int)found.Body!["totalResults"]!);
        Assert.Equal("alice-smith-example-com", (string)found.Body["Resources"]![0]!["id"]!);

        // Enrolled, then moved by Entra's PATCH: "Replace" capitalized, the extension's department as the path.
        var person = platform.Employee("scim-flow", "alice-smith-example-com");
        await person.SendOkAsync(HttpMethod.Post, "/api/tenants/scim-flow/employees/alice-smith-example-com/enrolment", new { timeZone = "Etc/UTC" });
        var moved = await SendAsync(scim, new HttpMethod("PATCH"), "/scim/v2/Users/alice-smith-example-com",
            $$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"Replace","path":"{{{Enterprise}}}:department","value":"lab"}]}""");
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Equal("lab", (string)moved.Body![Enterprise]!["department"]!);
        Assert.Equal(["alice-smith-example-com:lab"], await RosterAsync(platform, "scim-flow"));
        var status = await person.SendOkAsync(HttpMethod.Get, "/api/tenants/scim-flow/employees/alice-smith-example-com");
        Assert.Equal("lab", (string)status["department"]!);

        // Okta deactivates with a value object and no path: a leaver, through the person's erasure.
        var left = await SendAsync(scim, new HttpMethod("PATCH"), "/scim/v2/Users/alice-smith-example-com",
            $$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"replace","value":{"active":false}}]}""");
        Assert.Equal(HttpStatusCode.OK, left.Status);
        Assert.False((bool)left.Body!["active"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users/alice-smith-example-com")).Status);
        Assert.Empty(await RosterAsync(platform, "scim-flow"));
        var (gone, _) = await person.SendForAsync(HttpMethod.Get, "/api/tenants/scim-flow/employees/alice-smith-example-com");
        Assert.Equal(HttpStatusCode.NotFound, gone);
        var audit = await platform.Admin("scim-flow").SendOkAsync(HttpMethod.Get, "/api/tenants/scim-flow/audit");
        var erased = Assert.Single(audit["entries"]!.AsArray(), e => (string)e!["action"]! == "employee.erased");
        Assert.Equal("scim", (string)erased!["role"]!);
        Assert.DoesNotContain("alice-smith-example-com", audit.ToJsonString(), StringComparison.Ordinal);

        // Entra's create, then DELETE: the same leaver.
        var bob = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", EntraCreate("bob@contoso.com", "office"));
        Assert.Equal(HttpStatusCode.Created, bob.Status);
        Assert.Equal("bob-contoso-com", (string)bob.Body!["id"]!);
        var deleted = await SendAsync(scim, HttpMethod.Delete, "/scim/v2/Users/bob-contoso-com");
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        AssertError(await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users/bob-contoso-com"), HttpStatusCode.NotFound, null);
        AssertError(await SendAsync(scim, HttpMethod.Delete, "/scim/v2/Users/bob-contoso-com"), HttpStatusCode.NotFound, null);
        Assert.Empty(await RosterAsync(platform, "scim-flow"));
    }

    [Fact]
    public async Task Users_are_listed_by_start_index_and_count_and_if_match_with_a_stale_version_is_412_and_changes_nothing()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync("scim-pages", "office", "lab");
        var scim = await ScimClientAsync(platform, "scim-pages");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", EntraCreate($"user{i}@contoso.com", "office"))).Status);
        }

        var seen = new List<string>();
        for (var start = 1; start <= 5; start += 2)
        {
            var page = await SendAsync(scim, HttpMethod.Get, $"/scim/v2/Users?startIndex={start}&count=2");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", (string)page.Body!["schemas"]![0]!);
            Assert.Equal(5, (int)page.Body["totalResults"]!);
            Assert.Equal(start, (int)page.Body["startIndex"]!);
            Assert.Equal(start == 5 ? 1 : 2, (int)page.Body["itemsPerPage"]!);
            seen.AddRange(page.Body["Resources"]!.AsArray().Select(u => (string)u!["id"]!));
        }

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"user{i}-contoso-com").Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        var none = await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users?count=0");
        Assert.Equal(5, (int)none.Body!["totalResults"]!);
        Assert.Empty(none.Body["Resources"]!.AsArray());
        AssertError(await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users?filter=" + Uri.EscapeDataString("displayName eq \"x\"")), HttpStatusCode.BadRequest, "invalidFilter");
        AssertError(await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users?count=many"), HttpStatusCode.BadRequest, "invalidValue");

        var read = await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users/user0-contoso-com");
        var version = read.ETag!;
        var move = $$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"replace","path":"{{{Enterprise}}}:department","value":"lab"}]}""";
        AssertError(await SendAsync(scim, new HttpMethod("PATCH"), "/scim/v2/Users/user0-contoso-com", move, ifMatch: "W/\"0000000000000000\""), HttpStatusCode.PreconditionFailed, null);
        Assert.Contains("user0-contoso-com:office", await RosterAsync(platform, "scim-pages"));

        var moved = await SendAsync(scim, new HttpMethod("PATCH"), "/scim/v2/Users/user0-contoso-com", move, ifMatch: version);
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.NotEqual(version, moved.ETag);

        // Okta's PUT with the version it read before the move is stale now.
        AssertError(await SendAsync(scim, HttpMethod.Put, "/scim/v2/Users/user0-contoso-com", OktaCreate("user0@contoso.com", "office"), ifMatch: version), HttpStatusCode.PreconditionFailed, null);
        Assert.Contains("user0-contoso-com:lab", await RosterAsync(platform, "scim-pages"));
        var put = await SendAsync(scim, HttpMethod.Put, "/scim/v2/Users/user0-contoso-com", OktaCreate("user0@contoso.com", "office"), ifMatch: moved.ETag);
        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Contains("user0-contoso-com:office", await RosterAsync(platform, "scim-pages"));
    }

    [Fact]
    public async Task Bad_bodies_are_scim_400s_with_a_scim_type_and_change_nothing()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync("scim-bad", "office", "lab");
        var scim = await ScimClientAsync(platform, "scim-bad");
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", OktaCreate("dana@example.com", "office"))).Status);
        var before = await RosterAsync(platform, "scim-bad");

        var creates = new (string Body, string ScimType)[]
        {
            ($$$"""{"schemas":["{{{Core}}}","urn:example:custom"],"userName":"eve@example.com","{{{Enterprise}}}":{"department":"office"}}""", "invalidSyntax"),
            ($$$"""{"schemas":["{{{Core}}}"],"{{{Enterprise}}}":{"department":"office"}}""", "invalidValue"),
            ($$$"""{"schemas":["{{{Core}}}"],"userName":42,"{{{Enterprise}}}":{"department":"office"}}""", "invalidValue"),
            ($$$"""{"schemas":["{{{Core}}}"],"userName":"eve@example.com","active":"perhaps","{{{Enterprise}}}":{"department":"office"}}""", "invalidValue"),
            ($$$"""{"schemas":["{{{Core}}}"],"userName":"eve@example.com","{{{Enterprise}}}":{"department":7}}""", "invalidValue"),
            ($$$"""{"schemas":["{{{Core}}}"],"userName":"eve@example.com","{{{Enterprise}}}":"office"}""", "invalidValue"),
            ($$$"""{"schemas":["{{{Core}}}"],"userName":"eve@example.com"}""", "invalidValue"),
            ($$$"""{"schemas":["{{{Core}}}"],"userName":"eve smith","{{{Enterprise}}}":{"department":"office"}}""", "invalidValue"),
            ($$$"""{"schemas":["{{{Core}}}"],"userName":"évé@example.com","{{{Enterprise}}}":{"department":"office"}}""", "invalidValue"),
            ($$$"""{"schemas":["{{{Core}}}"],"userName":"eve@example.com","{{{Enterprise}}}":{"department":"warehouse"}}""", "invalidValue"),
            ($$$"""{"userName":"eve@example.com","{{{Enterprise}}}":{"department":"office"}}""", "invalidValue"),
            ("{not json", "invalidSyntax"),
            ("[]", "invalidSyntax"),
        };
        foreach (var (body, scimType) in creates)
        {
            AssertError(await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", body), HttpStatusCode.BadRequest, scimType, body);
        }

        var patches = new (string Body, string ScimType)[]
        {
            ($$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"move","path":"{{{Enterprise}}}:department","value":"lab"}]}""", "invalidSyntax"),
            ($$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"replace","path":"active","value":"maybe"}]}""", "invalidValue"),
            ($$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"replace","path":"{{{Enterprise}}}:department","value":["lab"]}]}""", "invalidValue"),
            ($$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"replace","path":"{{{Enterprise}}}:department","value":"warehouse"}]}""", "invalidValue"),
            ($$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"remove","path":"{{{Enterprise}}}:department"}]}""", "invalidValue"),
            ($$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"replace","path":"userName","value":"someone-else"}]}""", "mutability"),
            ($$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[]}""", "invalidValue"),
            ($$$"""{"schemas":["{{{Core}}}"],"Operations":[{"op":"replace","value":{"active":false}}]}""", "invalidSyntax"),
            // The second operation is bad: the first (a leaver) must not happen either.
            ($$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"replace","value":{"active":false}},{"op":"replace","path":"active","value":3}]}""", "invalidValue"),
        };
        foreach (var (body, scimType) in patches)
        {
            AssertError(await SendAsync(scim, new HttpMethod("PATCH"), "/scim/v2/Users/dana-example-com", body), HttpStatusCode.BadRequest, scimType, body);
        }

        AssertError(await SendAsync(scim, HttpMethod.Put, "/scim/v2/Users/dana-example-com", OktaCreate("other@example.com", "lab")), HttpStatusCode.BadRequest, "mutability");
        Assert.Equal(before, await RosterAsync(platform, "scim-bad"));
        Assert.True((bool)(await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users/dana-example-com")).Body!["active"]!);
    }

    [Fact]
    public async Task A_tenants_secret_reaches_only_that_tenant_and_its_discovery_documents_and_a_wrong_rotated_or_revoked_secret_or_a_user_token_is_401()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync("scim-a", "office");
        await platform.CreateTenantAsync("scim-b", "office");
        var a = await ScimClientAsync(platform, "scim-a");
        var b = await ScimClientAsync(platform, "scim-b");
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(b, HttpMethod.Post, "/scim/v2/Users", OktaCreate("carol", "office"))).Status);

        // A's secret sees and changes nothing of B's.
        AssertError(await SendAsync(a, HttpMethod.Get, "/scim/v2/Users/carol"), HttpStatusCode.NotFound, null);
        Assert.Equal(0, (int)(await SendAsync(a, HttpMethod.Get, "/scim/v2/Users")).Body!["totalResults"]!);
        AssertError(await SendAsync(a, new HttpMethod("PATCH"), "/scim/v2/Users/carol",
            $$$"""{"schemas":["{{{PatchOp}}}"],"Operations":[{"op":"replace","value":{"active":false}}]}"""), HttpStatusCode.NotFound, null);
        AssertError(await SendAsync(a, HttpMethod.Delete, "/scim/v2/Users/carol"), HttpStatusCode.NotFound, null);
        Assert.Equal(["carol:office"], await RosterAsync(platform, "scim-b"));
        Assert.Empty(await RosterAsync(platform, "scim-a"));

        // A's random part under B's name, a made-up secret, none, a user's token: 401.
        var secretA = a.DefaultRequestHeaders.Authorization!.Parameter!;
        var forged = "scim-b" + secretA["scim-a".Length..];
        foreach (var bearer in new string?[] { forged, "scim-b.not-the-secret", "nonsense", null })
        {
            using var client = platform.CreateClient();
            if (bearer is not null)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            }

            var refused = await SendAsync(client, HttpMethod.Get, "/scim/v2/Users/carol");
            AssertError(refused, HttpStatusCode.Unauthorized, null);
            AssertError(await SendAsync(client, HttpMethod.Post, "/scim/v2/Users", OktaCreate("mallory", "office")), HttpStatusCode.Unauthorized, null);
        }

        AssertError(await SendAsync(platform.Admin("scim-b"), HttpMethod.Get, "/scim/v2/Users/carol"), HttpStatusCode.Unauthorized, null);
        Assert.Equal(["carol:office"], await RosterAsync(platform, "scim-b"));

        // Only the tenant's admin issues it; rotating stops the old secret; revoking stops all.
        var (hrStatus, _) = await platform.Hr("scim-a").SendForAsync(HttpMethod.Post, "/api/tenants/scim-a/scim-token");
        Assert.Equal(HttpStatusCode.Forbidden, hrStatus);
        var (otherStatus, _) = await platform.Admin("scim-b").SendForAsync(HttpMethod.Post, "/api/tenants/scim-a/scim-token");
        Assert.Equal(HttpStatusCode.Forbidden, otherStatus);
        var rotated = await ScimClientAsync(platform, "scim-a");
        AssertError(await SendAsync(a, HttpMethod.Get, "/scim/v2/Users"), HttpStatusCode.Unauthorized, null);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(rotated, HttpMethod.Get, "/scim/v2/Users")).Status);
        var (revoked, _) = await platform.Admin("scim-a").SendForAsync(HttpMethod.Delete, "/api/tenants/scim-a/scim-token");
        Assert.Equal(HttpStatusCode.NoContent, revoked);
        AssertError(await SendAsync(rotated, HttpMethod.Get, "/scim/v2/Users"), HttpStatusCode.Unauthorized, null);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(b, HttpMethod.Get, "/scim/v2/Users")).Status);

        // The discovery documents, behind the same secret.
        var config = await SendAsync(b, HttpMethod.Get, "/scim/v2/ServiceProviderConfig");
        Assert.Equal(ScimJson, config.MediaType);
        Assert.True((bool)config.Body!["patch"]!["supported"]!);
        Assert.True((bool)config.Body["etag"]!["supported"]!);
        Assert.Equal(100, (int)config.Body["filter"]!["maxResults"]!);
        Assert.Equal("User", (string)(await SendAsync(b, HttpMethod.Get, "/scim/v2/ResourceTypes")).Body!["Resources"]![0]!["id"]!);
        var schemas = (await SendAsync(b, HttpMethod.Get, "/scim/v2/Schemas")).Body!["Resources"]!.AsArray().Select(r => (string)r!["id"]!);
        Assert.Equal([Core, Enterprise], schemas);
        AssertError(await SendAsync(rotated, HttpMethod.Get, "/scim/v2/ServiceProviderConfig"), HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task Scim_calls_are_rate_limited_per_tenant_so_employers_behind_one_provider_address_do_not_share_a_window()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId(), settings: new Dictionary<string, string>
        {
            ["WellnessPlatform:RateLimit:PermitsPerMinute"] = "3",
        });
        await platform.CreateTenantAsync("scim-busy", "office");
        await platform.CreateTenantAsync("scim-calm", "office");
        var busy = await ScimClientAsync(platform, "scim-busy");
        var calm = await ScimClientAsync(platform, "scim-calm");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(busy, HttpMethod.Get, "/scim/v2/Users")).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(busy, HttpMethod.Get, "/scim/v2/Users")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(calm, HttpMethod.Get, "/scim/v2/Users")).Status);
    }

    private static async Task<HttpClient> ScimClientAsync(PlatformFactory platform, string tenant)
    {
        var issued = await platform.Admin(tenant).SendOkAsync(HttpMethod.Post, $"/api/tenants/{tenant}/scim-token");
        var secret = (string)issued["secret"]!;
        Assert.StartsWith(tenant + ".", secret, StringComparison.Ordinal);
        Assert.EndsWith("/scim/v2", (string)issued["scimBaseUrl"]!, StringComparison.Ordinal);
        var client = platform.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>The tenant's roster as "id:department", read through the admin API.</summary>
    private static async Task<List<string>> RosterAsync(PlatformFactory platform, string tenant)
    {
        var page = await platform.Admin(tenant).SendOkAsync(HttpMethod.Get, $"/api/tenants/{tenant}/invitations?pageSize=1000");
        return [.. page["items"]!.AsArray().Select(i => $"{(string)i!["employeeId"]!}:{(string)i["department"]!}").Order(StringComparer.Ordinal)];
    }

    private static async Task<ScimAnswer> SendAsync(HttpClient http, HttpMethod method, string url, string? json = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, ScimJson);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ScimAnswer(response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text), response.Content.Headers.ContentType?.MediaType,
            response.Headers.ETag?.ToString(), response.Headers.Location?.ToString());
    }

    private static void AssertError(ScimAnswer answer, HttpStatusCode status, string? scimType, string? sent = null)
    {
        Assert.True(answer.Status == status, $"Expected {(int)status}, got {(int)answer.Status} for {sent}: {answer.Body}");
        Assert.Equal(ScimJson, answer.MediaType);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string)answer.Body!["schemas"]![0]!);
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), (string)answer.Body["status"]!);
        Assert.Equal(scimType, (string?)answer.Body["scimType"]);
        Assert.False(string.IsNullOrEmpty((string?)answer.Body["detail"]));
    }

    /// <summary>A create as Okta sends it: core schema only in schemas, names and emails it also sends (ignored), the extension's department.</summary>
    private static string OktaCreate(string userName, string department) => $$$"""
        {"schemas":["{{{Core}}}","{{{Enterprise}}}"],"userName":"{{{userName}}}","name":{"givenName":"Given","familyName":"Family"},
         "emails":[{"primary":true,"value":"{{{userName}}}@mail.example.com","type":"work"}],"displayName":"Given Family","locale":"en-US",
         "externalId":"00u1abcd","groups":[],"active":true,"{{{Enterprise}}}":{"department":"{{{department}}}"}}
        """;

    /// <summary>A create as Entra ID sends it: externalId, a formatted name, work email, the extension's department (and employeeNumber, ignored).</summary>
    private static string EntraCreate(string userName, string department) => $$$"""
        {"schemas":["{{{Core}}}","{{{Enterprise}}}"],"externalId":"{{{userName}}}","userName":"{{{userName}}}","active":true,"displayName":"Display",
         "emails":[{"primary":true,"type":"work","value":"{{{userName}}}"}],"meta":{"resourceType":"User"},
         "name":{"formatted":"Given Family","familyName":"Family","givenName":"Given"},"roles":[],
         "{{{Enterprise}}}":{"department":"{{{department}}}","employeeNumber":"1234"}}
        """;

    private sealed record ScimAnswer(HttpStatusCode Status, JsonNode? Body, string? MediaType, string? ETag, string? Location);
}
