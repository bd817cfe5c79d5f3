using System.Net;
using System.Text;

namespace WellnessPlatform.Integration.Tests;

/// <summary>Bad input gets RFC 7807 problem details naming the field, and changes nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProblemDetailsTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private PlatformFactory? _platform;
    private HttpClient _http = null!;
    private string _path = null!;

    public async Task InitializeAsync()
    {
        _platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await _platform.CreateTenantAsync("pd", "office");
        (_http, _path) = await _platform.ReadyEmployeeAsync("pd", "e1", "office");
    }

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_contraindicated_exercise_is_refused_naming_the_field_and_nothing_is_recorded()
    {
        var (status, problem) = await _http.SendForAsync(HttpMethod.Post, $"{_path}/sessions", new
        {
            clientSessionId = "bad",
            exercises = new object[] { new { exerciseId = "full-sit-up", reps = 10, holdSeconds = 1 }, new { exerciseId = "wall-sit", reps = 500, holdSeconds = 10 } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(400, (int)problem!["status"]!);
        Assert.Equal("contraindicated", (string)problem["codes"]!["exercises[0].exerciseId"]![0]!);
        Assert.NotNull(problem["errors"]!["exercises[1].reps"]);
        Assert.Empty((await _http.SendOkAsync(HttpMethod.Get, $"{_path}/sessions")).AsArray());
    }

    [Fact]
    public async Task A_session_in_the_future_is_refused()
    {
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (status, problem) = await _http.SendForAsync(HttpMethod.Post, $"{_path}/sessions", new { clientSessionId = "f", day = tomorrow, exercises = Api.Routine });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("in_future", (string)problem!["codes"]!["day"]![0]!);
    }

    [Fact]
    public async Task A_malformed_body_is_refused_with_the_json_path_and_no_internal_names()
    {
        using var content = new StringContent("""{"clientSessionId":"x","exercises":[{"exerciseId":"wall-sit","reps":"ten"}]}""", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync($"{_path}/sessions", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.exercises[0].reps", text, StringComparison.Ordinal);
        Assert.DoesNotContain("WellnessPlatform", text, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Screening_answers_out_of_range_are_refused_and_the_earlier_screening_stands()
    {
        var (status, problem) = await _http.SendForAsync(HttpMethod.Post, $"{_path}/screening", new { painIntensity = 14, workRelated = false, redFlags = new[] { "thirdEye" } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]!["recentInjury"]);
        Assert.NotNull(problem["errors"]!["redFlags[0]"]);
        var employee = await _http.SendOkAsync(HttpMethod.Get, _path);
        Assert.False((bool)employee["onHold"]!); // the earlier screening (pain 3) still stands
    }

    [Fact]
    public async Task Unknown_tenants_and_people_and_malformed_ids_get_problem_details()
    {
        var (unknownTenant, body) = await _platform!.Hr("nobody").SendForAsync(HttpMethod.Get, "/api/tenants/nobody/adherence");
        Assert.Equal(HttpStatusCode.NotFound, unknownTenant);
        Assert.Equal("tenant_not_found", (string)body!["code"]!);

        var (unknownPerson, _) = await _platform.Employee("pd", "ghost").SendForAsync(HttpMethod.Get, "/api/tenants/pd/employees/ghost/progress");
        Assert.Equal(HttpStatusCode.NotFound, unknownPerson);

        var (badId, problem) = await _platform.Employee("pd", "E1!").SendForAsync(HttpMethod.Get, "/api/tenants/pd/employees/E1!/progress");
        Assert.Equal(HttpStatusCode.BadRequest, badId);
        Assert.NotNull(problem!["errors"]!["employeeId"]);
    }

    [Fact]
    public async Task A_tenant_threshold_below_three_is_refused()
    {
        var operatorClient = _platform!.Operator();
        var (status, problem) = await operatorClient.SendForAsync(HttpMethod.Put, "/api/tenants/pd2", new { name = "x", departments = new[] { "a" }, participationThreshold = 2 });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]!["privacy.participation"]);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.SendForAsync(HttpMethod.Get, "/api/tenants/pd2")).Status);
    }

    [Fact]
    public async Task Differential_privacy_settings_out_of_range_are_refused_naming_the_field()
    {
        var (status, problem) = await _platform!.Operator().SendForAsync(HttpMethod.Put, "/api/tenants/pd3", new
        {
            name = "x", departments = new[] { "a" }, differentialPrivacy = new { enabled = true, epsilonPerRelease = 0, budget = -1 },
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]!["differentialPrivacy.epsilonPerRelease"]);
        Assert.NotNull(problem["errors"]!["differentialPrivacy.budget"]);

        var ok = await _platform.Operator().SendOkAsync(HttpMethod.Put, "/api/tenants/pd3", new
        {
            name = "x", departments = new[] { "a" }, differentialPrivacy = new { enabled = true, epsilonPerRelease = 0.5, budget = 20 },
        });
        Assert.Equal(0.5, (double)ok["differentialPrivacy"]!["epsilonPerRelease"]!);
    }
}
