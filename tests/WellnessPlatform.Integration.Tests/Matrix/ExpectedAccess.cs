using System.Globalization;
using System.Net;
using WellnessPlatform.Host.Rights;

namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>
/// The expected access of every route, page handler and download, written apart from the code that
/// enforces it: who is admitted, the exact status they get, a valid request, and the fresh data a served
/// request that changes something acts on. A route the host answers without a row here fails the matrix,
/// and so does a row for a route the host no longer has.
/// </summary>
internal static class ExpectedAccess
{
    private const string Employee = "/api/tenants/{tenantId}/employees/{employeeId}";
    private const string Tenant = "/api/tenants/{tenantId}";

    public static IReadOnlyList<MatrixRow> Rows { get; } =
    [
        // Public API and probes.
        new("GET /api/exercises/", Access.Public, HttpStatusCode.OK),
        new("GET /openapi/{documentName}.json", Access.Public, HttpStatusCode.OK),
        new("GET /health/live", Access.Public, HttpStatusCode.OK),
        new("GET /health/ready", Access.Public, HttpStatusCode.OK),

        // The tenant.
        new($"PUT {Tenant}/", Access.TenantSettings, HttpStatusCode.OK) { Body = _ => Json(TenantSettings()), Fresh = NewTenant },
        new($"GET {Tenant}/", Access.TenantMember, HttpStatusCode.OK),
        new($"GET {Tenant}/adherence", Access.Hr, HttpStatusCode.OK),

        // The employee's own routes.
        new($"POST {Employee}/enrolment", Access.EmployeeSelf, HttpStatusCode.OK) { Body = _ => Json(new { timeZone = "Etc/UTC" }), Fresh = Person((w, t) => w.InvitedAsync(t)) },
        new($"GET {Employee}/", Access.EmployeeSelf, HttpStatusCode.OK),
        new($"POST {Employee}/screening", Access.EmployeeSelf, HttpStatusCode.OK)
        {
            Body = _ => Json(new { painIntensity = 3, workRelated = false, recentInjury = false, redFlags = Array.Empty<string>() }),
            Fresh = Person((w, t) => w.EnrolledAsync(t)),
        },
        new($"GET {Employee}/routine/today", Access.EmployeeSelf, HttpStatusCode.OK),
        new($"POST {Employee}/sessions", Access.EmployeeSelf, HttpStatusCode.Created) { Body = _ => Json(new { clientSessionId = NewClientId(), exercises = Api.Routine }), Fresh = Ready },
        new($"GET {Employee}/sessions", Access.EmployeeSelf, HttpStatusCode.OK),
        new($"POST {Employee}/pain-checkins", Access.EmployeeSelf, HttpStatusCode.OK) { Body = _ => Json(new { clientCheckInId = NewClientId(), pain = 3 }), Fresh = Ready },
        new($"GET {Employee}/progress", Access.EmployeeSelf, HttpStatusCode.OK),
        new($"POST {Employee}/pause", Access.EmployeeSelf, HttpStatusCode.OK) { Body = _ => Json(new { }), Fresh = Ready },
        new($"DELETE {Employee}/pause", Access.EmployeeSelf, HttpStatusCode.OK) { Fresh = Person((w, t) => w.PausedAsync(t)) },
        new($"PUT {Employee}/rest-days", Access.EmployeeSelf, HttpStatusCode.OK) { Body = _ => Json(new { days = new[] { "saturday" } }), Fresh = Ready },
        new($"PUT {Employee}/consent", Access.EmployeeSelf, HttpStatusCode.OK) { Body = _ => Json(new { granted = true }), Fresh = Ready },
        new($"POST {Employee}/incidents", Access.EmployeeSelf, HttpStatusCode.Created) { Body = _ => Json(Api.IncidentReport(NewClientId())), Fresh = Ready },
        new($"GET {Employee}/incidents", Access.EmployeeSelf, HttpStatusCode.OK),
        new($"PUT {Employee}/notifications", Access.EmployeeSelf, HttpStatusCode.OK)
        {
            Body = _ => Json(new { dailyReminder = true, email = "matrix@example.com", reminderTime = "07:00" }), Fresh = Ready,
        },
        new($"GET {Employee}/notifications", Access.EmployeeSelf, HttpStatusCode.OK),
        new($"PUT {Employee}/calendar-feed", Access.EmployeeSelf, HttpStatusCode.OK) { Fresh = Ready },
        new($"GET {Employee}/calendar-feed", Access.EmployeeSelf, HttpStatusCode.OK),
        new($"DELETE {Employee}/calendar-feed", Access.EmployeeSelf, HttpStatusCode.OK) { Fresh = Ready },

        // The unsubscribe link of every email: no sign-in, the secret is the authority; without a valid one, nobody finds anything.
        new("GET /notifications/unsubscribe", Access.Public, HttpStatusCode.NotFound),
        new("POST /notifications/unsubscribe", Access.Public, HttpStatusCode.NotFound),
        new("GET /notifications/casework/unsubscribe", Access.Public, HttpStatusCode.NotFound),
        new("POST /notifications/casework/unsubscribe", Access.Public, HttpStatusCode.NotFound),

        // The calendar feed: calendar apps cannot sign in, so the secret in its address is the authority.
        new("GET /calendar/feed.ics", Access.Public, HttpStatusCode.NotFound),

        // The employee's rights: the export (also as a download) and erasure.
        new($"GET {Employee}/export", Access.EmployeeSelf, HttpStatusCode.OK),
        new($"GET {Employee}/export", Access.EmployeeSelf, HttpStatusCode.OK) { Query = "download=true", Download = "application/json" },
        new($"DELETE {Employee}/", Access.EmployeeSelfOrTenantAdmin, HttpStatusCode.OK) { Query = $"confirm={ErasureConfirmation.Phrase}", Fresh = Ready },

        // Case work.
        new($"GET {Tenant}/care-queue", Access.CaseWorker, HttpStatusCode.OK),
        new($"GET {Tenant}/incidents", Access.CaseWorker, HttpStatusCode.OK),
        new($"GET {Tenant}/incidents/{{incidentId}}", Access.CaseWorker, HttpStatusCode.OK),
        new($"POST {Tenant}/incidents/{{incidentId}}/transitions", Access.CaseWorker, HttpStatusCode.OK) { Body = _ => Json(new { to = "triaged" }), Fresh = NewIncident },
        new($"PUT {Employee}/clearance", Access.CaseWorker, HttpStatusCode.OK) { Body = _ => Json(new { note = "cleared" }), Fresh = OnHold },
        new($"PUT {Employee}/restrictions", Access.CaseWorker, HttpStatusCode.OK) { Body = _ => Json(new { exerciseIds = new[] { "wall-sit" } }), Fresh = Ready },
        new($"PUT {Employee}/track", Access.CaseWorker, HttpStatusCode.OK)
        {
            Body = s => Json(new { track = "therapeutic", incidentId = s.Incident, directedBy = "Dr. Matrix, occupational physician" }), Fresh = PersonWithCase,
        },
        new($"GET {Employee}/pain-trend", Access.CaseWorker, HttpStatusCode.OK),

        // Administration and audit.
        new($"PUT {Tenant}/invitations/{{employeeId}}", Access.TenantAdmin, HttpStatusCode.OK) { Body = _ => Json(new { department = MatrixWorld.Department }), Fresh = NewPerson },
        new($"GET {Tenant}/invitations/", Access.TenantAdmin, HttpStatusCode.OK),
        new($"POST {Tenant}/invitations/imports", Access.TenantAdmin, HttpStatusCode.Accepted) { Body = s => new CsvBody(Roster(s)), Fresh = NewPerson },
        new($"GET {Tenant}/invitations/imports/{{importId}}", Access.TenantAdmin, HttpStatusCode.OK),
        new($"GET {Tenant}/audit/", Access.AuditReader, HttpStatusCode.OK),
        new($"POST {Tenant}/reconciliation", Access.TenantAdmin, HttpStatusCode.OK) { Fresh = NewTenant },
        new($"POST {Tenant}/scim-token/", Access.TenantAdmin, HttpStatusCode.OK),
        new($"DELETE {Tenant}/scim-token/", Access.TenantAdmin, HttpStatusCode.NoContent),
        new($"PUT {Tenant}/identity-provider/", Access.TenantSettings, HttpStatusCode.OK) { Body = s => Json(IdentityProvider(s)) },
        new($"GET {Tenant}/identity-provider/", Access.TenantSettings, HttpStatusCode.OK) { Fresh = ProviderRegistered },
        new($"DELETE {Tenant}/identity-provider/", Access.TenantSettings, HttpStatusCode.NoContent) { Fresh = ProviderRegistered },

        // SCIM provisioning: authenticated by the tenant's SCIM secret, never by a user's token, so every principal here is 401.
        new("GET /scim/v2/Users/", Access.Public, HttpStatusCode.Unauthorized),
        new("POST /scim/v2/Users/", Access.Public, HttpStatusCode.Unauthorized),
        new("GET /scim/v2/Users/{employeeId}", Access.Public, HttpStatusCode.Unauthorized),
        new("PUT /scim/v2/Users/{employeeId}", Access.Public, HttpStatusCode.Unauthorized),
        new("PATCH /scim/v2/Users/{employeeId}", Access.Public, HttpStatusCode.Unauthorized),
        new("DELETE /scim/v2/Users/{employeeId}", Access.Public, HttpStatusCode.Unauthorized),
        new("GET /scim/v2/ServiceProviderConfig", Access.Public, HttpStatusCode.Unauthorized),
        new("GET /scim/v2/ResourceTypes", Access.Public, HttpStatusCode.Unauthorized),
        new("GET /scim/v2/Schemas", Access.Public, HttpStatusCode.Unauthorized),

        // Public pages. Outside Development there is no demo sign-in, and no identity provider is configured here: both sign-in forms answer 404 to everyone.
        new("GET /", Access.Public, HttpStatusCode.Redirect),
        new("GET /signin", Access.Public, HttpStatusCode.OK),
        new("POST /signin", Access.Public, HttpStatusCode.NotFound) { Body = _ => Form(("userId", "employee")) },
        new("POST /signin?handler=Provider", Access.Public, HttpStatusCode.NotFound),
        new("GET /signout", Access.Public, HttpStatusCode.Redirect),
        new("POST /signout", Access.Public, HttpStatusCode.Redirect),
        new("GET /access-denied", Access.Public, HttpStatusCode.OK),

        // The employee portal: any employee, in their own tenant, as themselves.
        new("GET /portal", Access.PortalPage, HttpStatusCode.OK),
        new("POST /portal?handler=Enrol", Access.PortalPage, HttpStatusCode.Redirect) { Body = _ => Form(("timeZone", "Etc/UTC")), Fresh = Person((w, t) => w.InvitedAsync(t)) },
        new("POST /portal?handler=Screen", Access.PortalPage, HttpStatusCode.Redirect)
        {
            Body = _ => Form(("painIntensity", "3"), ("workRelated", "false"), ("recentInjury", "false")),
            Fresh = Person((w, t) => w.EnrolledAsync(t)),
        },
        new("POST /portal?handler=Log", Access.PortalPage, HttpStatusCode.Redirect)
        {
            Body = _ => Form(("clientSessionId", NewClientId()),
                ("exercises[0].ExerciseId", "partial-crunch"), ("exercises[0].Done", "true"), ("exercises[0].Reps", "10"), ("exercises[0].HoldSeconds", "1"),
                ("exercises[1].ExerciseId", "wall-sit"), ("exercises[1].Done", "true"), ("exercises[1].Reps", "10"), ("exercises[1].HoldSeconds", "10")),
            Fresh = Ready,
        },
        new("POST /portal?handler=CheckIn", Access.PortalPage, HttpStatusCode.Redirect) { Body = _ => Form(("clientCheckInId", NewClientId()), ("pain", "3")), Fresh = Ready },
        new("POST /portal?handler=Consent", Access.PortalPage, HttpStatusCode.Redirect) { Body = _ => Form(("granted", "true")), Fresh = Ready },
        new("POST /portal?handler=Pause", Access.PortalPage, HttpStatusCode.Redirect) { Body = _ => Form(("until", string.Empty)), Fresh = Ready },
        new("POST /portal?handler=EndPause", Access.PortalPage, HttpStatusCode.Redirect) { Body = _ => Form(), Fresh = Person((w, t) => w.PausedAsync(t)) },
        new("POST /portal?handler=RestDays", Access.PortalPage, HttpStatusCode.Redirect) { Body = _ => Form(("restDays", "Saturday")), Fresh = Ready },
        new("POST /portal?handler=Notifications", Access.PortalPage, HttpStatusCode.Redirect) { Body = _ => Form(("dailyReminder", "false")), Fresh = Ready },
        new("POST /portal?handler=CalendarFeed", Access.PortalPage, HttpStatusCode.Redirect) { Body = _ => Form(), Fresh = Ready },
        new("POST /portal?handler=RevokeCalendarFeed", Access.PortalPage, HttpStatusCode.Redirect) { Body = _ => Form(), Fresh = Ready },
        new("GET /portal/report", Access.PortalPage, HttpStatusCode.OK),
        new("POST /portal/report", Access.PortalPage, HttpStatusCode.OK) { Body = _ => ReportForm(), Fresh = Ready },
        new("GET /portal/data", Access.PortalPage, HttpStatusCode.OK),
        new("GET /portal/data?handler=Download", Access.PortalPage, HttpStatusCode.OK) { Download = "application/json" },
        new("POST /portal/data?handler=Erase", Access.PortalPage, HttpStatusCode.OK) { Body = _ => Form(("confirm", ErasureConfirmation.Phrase)), Fresh = Ready },

        // HR: anonymized figures of the signed-in person's tenant, on screen and as CSV.
        new("GET /hr", Access.HrPage, HttpStatusCode.OK),
        new("GET /hr?handler=Csv", Access.HrPage, HttpStatusCode.OK) { Download = "text/csv" },

        // Case work pages. Every form answers with a redirect whatever happened, so the case or person is read back.
        new("GET /casework", Access.CaseWorkPage, HttpStatusCode.OK),
        new("GET /casework/queue", Access.CaseWorkPage, HttpStatusCode.OK),
        new("POST /casework/queue?handler=Clear", Access.CaseWorkPage, HttpStatusCode.Redirect)
        {
            Body = s => Form(("employeeId", s.Person), ("note", "matrix")), Fresh = OnHold,
            Isolated = HttpStatusCode.Redirect, Effect = (w, s, t) => w.StatusAsync(t, s.Person),
        },
        new("POST /casework/queue?handler=Restrict", Access.CaseWorkPage, HttpStatusCode.Redirect)
        {
            Body = s => Form(("employeeId", s.Person), ("exerciseIds", "wall-sit")), Fresh = Ready,
            Isolated = HttpStatusCode.Redirect, Effect = (w, s, t) => w.StatusAsync(t, s.Person),
        },
        new("GET /casework/case", Access.CaseWorkPage, HttpStatusCode.OK) { Query = "id={incidentId}", Isolated = HttpStatusCode.NotFound },
        new("POST /casework/case?handler=Transition", Access.CaseWorkPage, HttpStatusCode.Redirect)
        {
            Query = "id={incidentId}", Body = _ => Form(("to", "Triaged"), ("note", "matrix")), Fresh = NewIncident,
            Isolated = HttpStatusCode.Redirect, Effect = (w, s, t) => w.CaseAsync(t, s.Incident),
        },
        new("POST /casework/case?handler=Clearance", Access.CaseWorkPage, HttpStatusCode.Redirect)
        {
            Query = "id={incidentId}", Body = s => Form(("employeeId", s.Person)), Fresh = OnHold,
            Isolated = HttpStatusCode.Redirect, Effect = (w, s, t) => w.StatusAsync(t, s.Person),
        },
        new("POST /casework/case?handler=Track", Access.CaseWorkPage, HttpStatusCode.Redirect)
        {
            Query = "id={incidentId}", Body = s => Form(("employeeId", s.Person), ("track", "Therapeutic"), ("directedBy", "Dr. Matrix")), Fresh = PersonWithCase,
            Isolated = HttpStatusCode.Redirect, Effect = (w, s, t) => w.StatusAsync(t, s.Person),
        },
        new("POST /casework/case?handler=Restrictions", Access.CaseWorkPage, HttpStatusCode.Redirect)
        {
            Query = "id={incidentId}", Body = s => Form(("employeeId", s.Person), ("exerciseIds", "wall-sit")), Fresh = Ready,
            Isolated = HttpStatusCode.Redirect, Effect = (w, s, t) => w.StatusAsync(t, s.Person),
        },

        // Tenant admin pages. The invitation form answers 200 with or without errors, so the roster is read back.
        new("GET /admin/people", Access.AdminPage, HttpStatusCode.OK),
        new("GET /admin/people?handler=Progress", Access.AdminPage, HttpStatusCode.OK) { Query = "import={importId}", Isolated = HttpStatusCode.NotFound },
        new("POST /admin/people?handler=Upload", Access.AdminPage, HttpStatusCode.Redirect) { Body = s => new FileBody("file", "people.csv", Roster(s)), Fresh = NewPerson },
        new("POST /admin/people?handler=Invite", Access.AdminPage, HttpStatusCode.OK)
        {
            Body = s => Form(("employeeId", s.Person), ("department", MatrixWorld.Department)), Fresh = NewPerson,
            Effect = (w, s, t) => w.InvitationAsync(t, s.Person),
        },
        new("GET /admin/audit", Access.AdminPage, HttpStatusCode.OK),
        new("GET /admin/settings", Access.AdminPage, HttpStatusCode.OK),
        new("POST /admin/settings", Access.AdminPage, HttpStatusCode.Redirect)
        {
            // A new address each time, so that a served cell shows its change; the admin's own tenant is the one changed.
            Body = s => Form(("caseWorkEmail", $"team-{NewClientId()}@example.com")),
            Effect = (w, s, t) => w.CaseWorkEmailAsync(t),
        },
        new("POST /admin/settings?handler=Provider", Access.AdminPage, HttpStatusCode.Redirect)
        {
            Body = s => Form(("Form.Issuer", s.Issuer), ("Form.Audience", "wellness-platform"), ("Form.EmployeeValue", "Staff")),
            Fresh = OwnIssuer,
            Effect = (w, s, t) => w.IdentityProviderStateAsync(t),
        },
        new("POST /admin/settings?handler=RemoveProvider", Access.AdminPage, HttpStatusCode.Redirect)
        {
            Fresh = async (w, s, t, p) => await ProviderRegistered(w, await OwnIssuer(w, s, t, p), t, p),
            Effect = (w, s, t) => w.IdentityProviderStateAsync(t),
        },
    ];

    private static Task<Scene> Ready(MatrixWorld world, Scene scene, string tenant, Principal principal) =>
        Person((w, t) => w.ReadyAsync(t))(world, scene, tenant, principal);

    private static Task<Scene> OnHold(MatrixWorld world, Scene scene, string tenant, Principal principal) =>
        Person((w, t) => w.ReadyAsync(t, pain: 8))(world, scene, tenant, principal);

    /// <summary>A person made by <paramref name="make"/>, as the one the principal is or acts on.</summary>
    private static Prepare Person(Func<MatrixWorld, string, Task<string>> make) =>
        async (world, scene, tenant, principal) => scene.ActingAs(principal, await make(world, tenant));

    /// <summary>A person with an open work-related case of their own, which the request names.</summary>
    private static async Task<Scene> PersonWithCase(MatrixWorld world, Scene scene, string tenant, Principal principal)
    {
        var (person, incident) = await world.PersonWithCaseAsync(tenant);
        return scene.ActingAs(principal, person) with { Incident = incident };
    }

    /// <summary>An id nobody holds yet (nothing is created).</summary>
    private static Task<Scene> NewPerson(MatrixWorld world, Scene scene, string tenant, Principal principal) =>
        Task.FromResult(scene.ActingAs(principal, world.NewId("new")));

    private static async Task<Scene> NewIncident(MatrixWorld world, Scene scene, string tenant, Principal principal) =>
        scene with { Incident = await world.IncidentAsync(tenant) };

    private static async Task<Scene> NewTenant(MatrixWorld world, Scene scene, string tenant, Principal principal) =>
        scene with { Tenant = await world.TenantAsync() };

    /// <summary>The tenant has registered the matrix's provider (again: registering the same issuer twice is allowed).</summary>
    private static async Task<Scene> ProviderRegistered(MatrixWorld world, Scene scene, string tenant, Principal principal)
    {
        await world.IdentityProviderAsync(tenant, IdentityProvider(scene));
        return scene;
    }

    /// <summary>The scene's issuer for the tenant a page acts in: each tenant has its own, since an issuer belongs to one.</summary>
    private static Task<Scene> OwnIssuer(MatrixWorld world, Scene scene, string tenant, Principal principal) =>
        Task.FromResult(tenant == scene.Tenant ? scene : scene with { Issuer = scene.OtherIssuer });

    private static object IdentityProvider(Scene scene) => new { issuer = scene.Issuer, audience = "wellness-platform", claims = new { subject = "sub", role = "role" } };

    private static JsonBody Json(object value) => new(value);

    private static FormBody Form(params (string Name, string Value)[] fields) => new(fields.ToDictionary(f => f.Name, f => f.Value));

    private static string NewClientId() => Guid.NewGuid().ToString("N");

    private static string Roster(Scene scene) => $"employeeId,department\n{scene.Person},{MatrixWorld.Department}\n";

    private static object TenantSettings() => new
    {
        name = "Matrix employer",
        departments = new[] { MatrixWorld.Department },
        timeZone = "Etc/UTC",
        participationThreshold = 3,
        healthThreshold = 3,
        incidentReportingUrl = "https://example.com/report",
        workersCompensationUrl = "https://example.com/comp",
    };

    private static FormBody ReportForm() => Form(
        ("clientReportId", NewClientId()),
        ("occurredAt", DateTime.UtcNow.AddHours(-3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)),
        ("location", "Loading bay"),
        ("activity", "Lifting"),
        ("whatHappened", "Felt a pull"),
        ("injury", "Back strain"),
        ("bodyPart", "Lower back"),
        ("treatment", "FirstAid"));
}
