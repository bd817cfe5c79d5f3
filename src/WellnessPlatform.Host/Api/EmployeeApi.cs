using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain;
using WellnessPlatform.Host.Api.Requests;

namespace WellnessPlatform.Host.Api;

/// <summary>The employee's routes: tenant and person are explicit in every path.</summary>
public static class EmployeeApi
{
    public static RouteGroupBuilder MapEmployeeApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tenants/{tenantId}/employees/{employeeId}")
            .AddEndpointFilter<RouteIdsFilter>()
            .WithTags("Employee");

        api.MapPost("/enrolment", Enrol).WithName("Enrol").WithSummary("Enrol in the programme, or update time zone, department and rest days.");
        api.MapGet("/", GetStatus).WithName("GetEmployeeStatus").WithSummary("Enrolment, screening, hold and pause status.");
        api.MapPost("/screening", Screen).WithName("Screen").WithSummary("Answer the pre-participation screening.");
        api.MapGet("/routine/today", GetToday).WithName("GetTodayRoutine").WithSummary("Today's routine with instructions, or why it is held.");
        api.MapPost("/sessions", LogSession).WithName("LogSession").WithSummary("Log a session; idempotent on clientSessionId.");
        api.MapGet("/sessions", GetSessions).WithName("GetSessions").WithSummary("Logged sessions, newest first.");
        api.MapPost("/pain-checkins", CheckIn).WithName("CheckInPain").WithSummary("Record a pain score; idempotent on clientCheckInId.");
        api.MapGet("/progress", GetProgress).WithName("GetProgress").WithSummary("Streaks, phase, what it takes to move up, pain trend.");
        api.MapPost("/pause", StartPause).WithName("StartPause").WithSummary("Start a medical pause (freezes the streak, at most 90 days).");
        api.MapDelete("/pause", EndPause).WithName("EndPause").WithSummary("End the medical pause.");
        api.MapPut("/rest-days", SetRestDays).WithName("SetRestDays").WithSummary("Planned rest weekdays, from next Monday.");
        api.MapPut("/clearance", RecordClearance).WithName("RecordClearance").WithSummary("Case worker: clear a screening hold.");
        api.MapPut("/restrictions", SetRestrictions).WithName("SetRestrictions").WithSummary("Case worker: restrict single exercises.");
        return api;
    }

    private static IEmployeeGrain Employee(IGrainFactory grains, string tenantId, string employeeId) =>
        grains.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenantId, employeeId));

    private static async Task<IResult> Enrol(string tenantId, string employeeId, EnrolRequest body, IGrainFactory grains)
    {
        var errors = new List<FieldError>();
        var command = body.ToCommand(errors);
        return errors.Count > 0
            ? OutcomeResults.Invalid(errors)
            : (await Employee(grains, tenantId, employeeId).EnrolAsync(command)).ToHttp();
    }

    private static async Task<IResult> GetStatus(string tenantId, string employeeId, IGrainFactory grains) =>
        (await Employee(grains, tenantId, employeeId).GetStatusAsync()).ToHttp();

    private static async Task<IResult> Screen(string tenantId, string employeeId, ScreeningRequest body, IGrainFactory grains)
    {
        var errors = new List<FieldError>();
        var answers = body.ToCommand(errors);
        return errors.Count > 0
            ? OutcomeResults.Invalid(errors)
            : (await Employee(grains, tenantId, employeeId).ScreenAsync(answers)).ToHttp();
    }

    private static async Task<IResult> GetToday(string tenantId, string employeeId, IGrainFactory grains) =>
        (await Employee(grains, tenantId, employeeId).GetTodayAsync()).ToHttp();

    private static async Task<IResult> LogSession(string tenantId, string employeeId, LogSessionRequest body, IGrainFactory grains)
    {
        var errors = new List<FieldError>();
        var command = body.ToCommand(errors);
        if (errors.Count > 0)
        {
            return OutcomeResults.Invalid(errors);
        }

        var outcome = await Employee(grains, tenantId, employeeId).LogSessionAsync(command);
        return outcome is { IsOk: true, Value.Duplicate: false }
            ? outcome.ToHttp(StatusCodes.Status201Created)
            : outcome.ToHttp();
    }

    private static async Task<IResult> GetSessions(string tenantId, string employeeId, IGrainFactory grains) =>
        (await Employee(grains, tenantId, employeeId).GetSessionsAsync()).ToHttp();

    private static async Task<IResult> CheckIn(string tenantId, string employeeId, PainCheckInRequest body, IGrainFactory grains)
    {
        var errors = new List<FieldError>();
        var command = body.ToCommand(errors);
        return errors.Count > 0
            ? OutcomeResults.Invalid(errors)
            : (await Employee(grains, tenantId, employeeId).CheckInPainAsync(command)).ToHttp();
    }

    private static async Task<IResult> GetProgress(string tenantId, string employeeId, IGrainFactory grains) =>
        (await Employee(grains, tenantId, employeeId).GetProgressAsync()).ToHttp();

    private static async Task<IResult> StartPause(string tenantId, string employeeId, PauseBody body, IGrainFactory grains) =>
        (await Employee(grains, tenantId, employeeId).StartPauseAsync(new PauseRequest(body.From, body.Until))).ToHttp();

    private static async Task<IResult> EndPause(string tenantId, string employeeId, IGrainFactory grains) =>
        (await Employee(grains, tenantId, employeeId).EndPauseAsync()).ToHttp();

    private static async Task<IResult> SetRestDays(string tenantId, string employeeId, RestDaysRequest body, IGrainFactory grains)
    {
        var errors = new List<FieldError>();
        var days = RequestParsing.Enums<DayOfWeek>(body.Days ?? [], "days", errors);
        return errors.Count > 0
            ? OutcomeResults.Invalid(errors)
            : (await Employee(grains, tenantId, employeeId).SetRestDaysAsync(days)).ToHttp();
    }

    private static async Task<IResult> RecordClearance(string tenantId, string employeeId, ClearanceRequest body, IGrainFactory grains)
    {
        var errors = new List<FieldError>();
        var by = RequestParsing.Required(body.ClearedBy, "clearedBy", errors);
        return errors.Count > 0
            ? OutcomeResults.Invalid(errors)
            : (await Employee(grains, tenantId, employeeId).RecordClearanceAsync(by)).ToHttp();
    }

    private static async Task<IResult> SetRestrictions(string tenantId, string employeeId, RestrictionsRequest body, IGrainFactory grains) =>
        (await Employee(grains, tenantId, employeeId).SetRestrictionsAsync(body.ExerciseIds ?? [])).ToHttp();
}
