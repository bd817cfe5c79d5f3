using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Contracts.Tenants;

namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>
/// The data the matrix runs against. Two tenants, each with a person "alice" (the same id on purpose)
/// who consented to case workers and reported an incident carrying a marker; a colleague "bob"; a roster
/// upload. Cells that only read share it; cells that change data get fresh people, cases or tenants here.
/// </summary>
internal sealed class MatrixWorld
{
    public const string Department = "office";

    private readonly PlatformFactory _platform;
    private readonly List<Marker> _markers = [];
    private int _next;

    private MatrixWorld(PlatformFactory platform) => _platform = platform;

    public Scene Shared { get; private set; } = new("t1", "t2", "alice", "bob", string.Empty, string.Empty);

    public IReadOnlyList<Marker> Markers => _markers;

    public static async Task<MatrixWorld> SeedAsync(PlatformFactory platform, (string Tenant, string OtherTenant) issuers)
    {
        var world = new MatrixWorld(platform);
        var scene = world.Shared;
        var incident = string.Empty;
        foreach (var tenant in new[] { scene.Tenant, scene.OtherTenant })
        {
            await platform.CreateTenantAsync(tenant, Department);
            await platform.ReadyEmployeeAsync(tenant, scene.Person, Department);
            var id = await world.ReportedAsync(tenant, scene.Person);
            incident = tenant == scene.Tenant ? id : incident;
            await platform.Employee(tenant, scene.Person).SendOkAsync(HttpMethod.Put, $"/api/tenants/{tenant}/employees/{scene.Person}/consent", new { granted = true });
        }

        await platform.ReadyEmployeeAsync(scene.Tenant, scene.Peer, Department);
        using var upload = await platform.Admin(scene.Tenant).PostAsync($"/api/tenants/{scene.Tenant}/invitations/imports",
            new StringContent($"employeeId,department\n{world.NewId("upload")},{Department}\n", System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var import = (string)JsonNode.Parse(await upload.Content.ReadAsStringAsync())!["importId"]!;
        world.Shared = scene with { Incident = incident, Import = import, Issuer = issuers.Tenant, OtherIssuer = issuers.OtherTenant };
        return world;
    }

    public string NewId(string prefix) => $"{prefix}-{Interlocked.Increment(ref _next):D4}";

    public async Task<string> TenantAsync()
    {
        var tenant = NewId("tenant");
        await _platform.CreateTenantAsync(tenant, Department);
        return tenant;
    }

    public async Task IdentityProviderAsync(string tenant, object registration) =>
        await _platform.Admin(tenant).SendOkAsync(HttpMethod.Put, $"/api/tenants/{tenant}/identity-provider", registration);

    /// <summary>The tenant's registration as the API reads it (it changes with every registration: it carries when).</summary>
    public async Task<string> IdentityProviderStateAsync(string tenant)
    {
        var (status, body) = await _platform.Admin(tenant).SendForAsync(HttpMethod.Get, $"/api/tenants/{tenant}/identity-provider");
        return $"{(int)status} {body?.ToJsonString()}";
    }

    public async Task<string> InvitedAsync(string tenant)
    {
        var person = NewId("person");
        await _platform.Admin(tenant).SendOkAsync(HttpMethod.Put, $"/api/tenants/{tenant}/invitations/{person}", new { department = Department });
        return person;
    }

    public async Task<string> EnrolledAsync(string tenant)
    {
        var person = await InvitedAsync(tenant);
        await _platform.Employee(tenant, person).SendOkAsync(HttpMethod.Post, $"/api/tenants/{tenant}/employees/{person}/enrolment", new { timeZone = "Etc/UTC" });
        return person;
    }

    /// <summary>Invited, enrolled and screened; pain of 7 or more puts the routine on hold until a case worker clears it.</summary>
    public async Task<string> ReadyAsync(string tenant, int pain = 3)
    {
        var person = NewId("person");
        await _platform.ReadyEmployeeAsync(tenant, person, Department, pain);
        return person;
    }

    public async Task<string> PausedAsync(string tenant)
    {
        var person = await ReadyAsync(tenant);
        await _platform.Employee(tenant, person).SendOkAsync(HttpMethod.Post, $"/api/tenants/{tenant}/employees/{person}/pause", new { });
        return person;
    }

    /// <summary>A fresh person's incident case.</summary>
    public async Task<string> IncidentAsync(string tenant) => await ReportedAsync(tenant, await ReadyAsync(tenant));

    /// <summary>A fresh person and the incident case they reported.</summary>
    public async Task<(string Person, string Incident)> PersonWithCaseAsync(string tenant)
    {
        var person = await ReadyAsync(tenant);
        return (person, await ReportedAsync(tenant, person));
    }

    /// <summary>An incident case as the case worker reads it (JSON).</summary>
    public async Task<string> CaseAsync(string tenant, string incident) =>
        (await _platform.CaseWorker(tenant).SendOkAsync(HttpMethod.Get, $"/api/tenants/{tenant}/incidents/{incident}")).ToJsonString();

    /// <summary>A person's status as they read it (JSON), or "none".</summary>
    public async Task<string> StatusAsync(string tenant, string person)
    {
        var (status, body) = await _platform.Employee(tenant, person).SendForAsync(HttpMethod.Get, $"/api/tenants/{tenant}/employees/{person}");
        return status == HttpStatusCode.OK ? body!.ToJsonString() : "none";
    }

    public async Task<string> InvitationAsync(string tenant, string person)
    {
        using (TenantContext.System(Api.TestActor, tenant))
        {
            var invitation = await _platform.Services.GetRequiredService<IGrainFactory>().GetGrain<IRosterGrain>(GrainKeys.Roster(tenant)).GetAsync(person);
            return invitation?.ToString() ?? "none";
        }
    }

    /// <summary>The tenant's case-work alert address as stored, or "none".</summary>
    public async Task<string> CaseWorkEmailAsync(string tenant)
    {
        using (TenantContext.System(Api.TestActor, tenant))
        {
            var config = await _platform.Services.GetRequiredService<IGrainFactory>().GetGrain<ITenantGrain>(tenant).GetConfigAsync();
            return config?.CaseWorkEmail ?? "none";
        }
    }

    /// <summary>Files an incident report whose text only the person and their case workers may ever see.</summary>
    private async Task<string> ReportedAsync(string tenant, string person)
    {
        var marker = new Marker(tenant, person, $"marker{Guid.NewGuid():N}");
        _markers.Add(marker);
        var receipt = await _platform.Employee(tenant, person).SendOkAsync(HttpMethod.Post, $"/api/tenants/{tenant}/employees/{person}/incidents", new
        {
            clientReportId = NewId("report"),
            occurredAt = DateTimeOffset.UtcNow.AddHours(-3),
            location = marker.Text,
            activity = "Lifting",
            whatHappened = marker.Text,
            injury = "Back strain",
            bodyPart = "Lower back",
            treatment = "firstAid",
        });
        return (string)receipt["case"]!["incidentId"]!;
    }
}
