using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;
using WellnessPlatform.Grains.CaseWork;
using WellnessPlatform.Grains.Employees;
using WellnessPlatform.Host.Api.Requests;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.CaseWork;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Api;

/// <summary>The employee's own routes: only the person named in the path, signed in for that tenant.</summary>
public static class EmployeeApi
{
    public static RouteGroupBuilder MapEmployeeApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tenants/{tenantId}/employees/{employeeId}")
            .AddEndpointFilter<RouteIdsFilter>()
            .RequireAccess(AccessRule.EmployeeSelf)
            .WithTags("Employee");

        api.MapPost("/enrolment", Enrol).WithName("Enrol").WithSummary("Enrol (after an invitation), or update time zone and rest days.");
        api.MapGet("/", GetStatus).WithName("GetEmployeeStatus").WithSummary("Enrolment, screening, hold, pause and consent status.");
        api.MapPost("/screening", Screen).WithName("Screen").WithSummary("Answer the pre-participation screening.");
        api.MapGet("/routine/today", GetToday).WithName("GetTodayRoutine").WithSummary("Today's routine with instructions, or why it is held; with the employer's links.");
        api.MapPost("/sessions", LogSession).WithName("LogSession").WithSummary("Log a session; idempotent on clientSessionId.");
        api.MapGet("/sessions", GetSessions).WithName("GetSessions").WithSummary("Logged sessions, newest first.");
        api.MapPost("/pain-checkins", CheckIn).WithName("CheckInPain").WithSummary("Record a pain score; idempotent on clientCheckInId.");
        api.MapGet("/progress", GetProgress).WithName("GetProgress").WithSummary("Streaks, phase, what it takes to move up, pain trend.");
        api.MapPost("/pause", StartPause).WithName("StartPause").WithSummary("Start a medical pause (freezes the streak, at most 90 days).");
        api.MapDelete("/pause", EndPause).WithName("EndPause").WithSummary("End the medical pause.");
        api.MapPut("/rest-days", SetRestDays).WithName("SetRestDays").WithSummary("Planned rest weekdays, from next Monday.");
        api.MapPut("/consent", SetConsent).WithName("SetCaseWorkerConsent").WithSummary("Grant or revoke case workers' access to your pain trend.");
        api.MapPost("/incidents", ReportIncident).WithName("ReportIncident").WithSummary("Report a work-related incident; idempotent on clientReportId.");
        api.MapGet("/incidents", GetOwnIncidents).WithName("GetOwnIncidents").WithSummary("Your incident reports and where each case stands, newest first, a page at a time (pageSize, continuationToken).");
        return api;
    }

    internal static IEmployeeGrain Employee(IGrainFactory grains, string tenantId, string employeeId) =>
        grains.Get<IEmployeeGrain>(GrainKeys.Employee(tenantId, employeeId));

    private static async Task<Results<Ok<EmployeeStatusResponse>, ProblemHttpResult>> Enrol(string tenantId, string employeeId, EnrolRequest body, Enrolments enrolments)
    {
        var errors = new List<FieldError>();
        var (timeZone, restDays) = body.Parse(errors);
        if (errors.Count > 0)
        {
            return OutcomeResults.Invalid(errors);
        }

        var outcome = await enrolments.EnrolAsync(tenantId, employeeId, timeZone, restDays);
        return outcome.Code == Enrolments.NotInvitedCode
            ? OutcomeResults.Problem(StatusCodes.Status409Conflict, outcome.Code, outcome.Detail!)
            : outcome.ToHttp(EmployeeMapping.ToResponse);
    }

    private static async Task<Results<Ok<EmployeeStatusResponse>, ProblemHttpResult>> GetStatus(string tenantId, string employeeId, IGrainFactory grains) =>
        (await Employee(grains, tenantId, employeeId).GetStatusAsync()).ToHttp(EmployeeMapping.ToResponse);

    private static async Task<Results<Ok<ScreeningOutcomeResponse>, ProblemHttpResult>> Screen(string tenantId, string employeeId, ScreeningRequest body, IGrainFactory grains)
    {
        var errors = new List<FieldError>();
        var answers = body.ToCommand(errors);
        return errors.Count > 0
            ? OutcomeResults.Invalid(errors)
            : (await Employee(grains, tenantId, employeeId).ScreenAsync(answers)).ToHttp(EmployeeMapping.ToResponse);
    }

    private static async Task<Results<Ok<TodayResponse>, ProblemHttpResult>> GetToday(string tenantId, string employeeId, IGrainFactory grains)
    {
        var routine = await Employee(grains, tenantId, employeeId).GetTodayAsync();
        if (!routine.IsOk)
        {
            return routine.ToProblem();
        }

        var config = await grains.GetGrain<ITenantGrain>(tenantId).GetConfigAsync();
        return TypedResults.Ok(new TodayResponse(routine.Value!.ToResponse(), TenantLinks.From(config)));
    }

    private static async Task<Results<Created<SessionReceiptResponse>, Ok<SessionReceiptResponse>, ProblemHttpResult>> LogSession(string tenantId, string employeeId, LogSessionRequest body, IGrainFactory grains)
    {
        var errors = new List<FieldError>();
        var command = body.ToCommand(errors);
        if (errors.Count > 0)
        {
            return OutcomeResults.Invalid(errors);
        }

        var outcome = await Employee(grains, tenantId, employeeId).LogSessionAsync(command);
        return outcome.ToCreatedOrOk(EmployeeMapping.ToResponse, receipt => !receipt.Duplicate);
    }

    private static async Task<Results<Ok<IReadOnlyList<SessionResponse>>, ProblemHttpResult>> GetSessions(string tenantId, string employeeId, IGrainFactory grains) =>
        (await Employee(grains, tenantId, employeeId).GetSessionsAsync()).ToHttp(EmployeeMapping.ToResponses);

    private static async Task<Results<Ok<PainCheckInResponse>, ProblemHttpResult>> CheckIn(string tenantId, string employeeId, PainCheckInRequest body, IGrainFactory grains)
    {
        var errors = new List<FieldError>();
        var command = body.ToCommand(errors);
        return errors.Count > 0
            ? OutcomeResults.Invalid(errors)
            : (await Employee(grains, tenantId, employeeId).CheckInPainAsync(command)).ToHttp(EmployeeMapping.ToResponse);
    }

    private static async Task<Results<Ok<ProgressResponse>, ProblemHttpResult>> GetProgress(string tenantId, string employeeId, IGrainFactory grains) =>
        (await Employee(grains, tenantId, employeeId).GetProgressAsync()).ToHttp(EmployeeMapping.ToResponse);

    private static async Task<Results<Ok<EmployeeStatusResponse>, ProblemHttpResult>> StartPause(string tenantId, string employeeId, PauseBody body, IGrainFactory grains) =>
        (await Employee(grains, tenantId, employeeId).StartPauseAsync(new PauseRequest(body.From, body.Until))).ToHttp(EmployeeMapping.ToResponse);

    private static async Task<Results<Ok<EmployeeStatusResponse>, ProblemHttpResult>> EndPause(string tenantId, string employeeId, IGrainFactory grains) =>
        (await Employee(grains, tenantId, employeeId).EndPauseAsync()).ToHttp(EmployeeMapping.ToResponse);

    private static async Task<Results<Ok<EmployeeStatusResponse>, ProblemHttpResult>> SetRestDays(string tenantId, string employeeId, RestDaysRequest body, IGrainFactory grains)
    {
        var errors = new List<FieldError>();
        var days = RequestParsing.Enums<DayOfWeek>(body.Days ?? [], "days", errors);
        return errors.Count > 0
            ? OutcomeResults.Invalid(errors)
            : (await Employee(grains, tenantId, employeeId).SetRestDaysAsync(days)).ToHttp(EmployeeMapping.ToResponse);
    }

    private static async Task<Results<Ok<EmployeeStatusResponse>, ProblemHttpResult>> SetConsent(string tenantId, string employeeId, ConsentRequest body, AuditedCaseWork caseWork, ClaimsPrincipal caller) =>
        body.Granted is { } granted
            ? (await caseWork.SetConsentAsync(tenantId, caller.Actor(), employeeId, granted)).ToHttp(EmployeeMapping.ToResponse)
            : OutcomeResults.Invalid([new FieldError("granted", "required", "Say true to grant or false to revoke.")]);

    private static async Task<Results<Created<IncidentReceipt>, ProblemHttpResult>> ReportIncident(string tenantId, IncidentReportRequest body, IGrainFactory grains, AuditedCaseWork caseWork, ClaimsPrincipal caller)
    {
        var errors = new List<FieldError>();
        var report = body.ToReport(errors);
        if (SessionRulesClientId(body.ClientReportId) is { } idError)
        {
            errors.Add(idError);
        }

        if (errors.Count > 0)
        {
            return OutcomeResults.Invalid(errors);
        }

        var outcome = await caseWork.ReportAsync(tenantId, caller.Actor(), body.ClientReportId!, report);
        if (!outcome.IsOk)
        {
            return outcome.ToProblem();
        }

        var config = await grains.GetGrain<ITenantGrain>(tenantId).GetConfigAsync();
        return OutcomeResults.Created(new IncidentReceipt(outcome.Value!.ToResponse(), TenantLinks.From(config)));
    }

    private static async Task<Results<Ok<IncidentQueueResponse>, ProblemHttpResult>> GetOwnIncidents(string tenantId, string employeeId, AuditedCaseWork caseWork, ClaimsPrincipal caller,
        int? pageSize, string? continuationToken)
    {
        var errors = new List<FieldError>();
        IncidentPaging.Validate(pageSize, continuationToken, errors);
        return errors.Count > 0
            ? OutcomeResults.Invalid(errors)
            : TypedResults.Ok((await caseWork.ReadQueueAsync(tenantId, caller.Actor(),
                new IncidentQueueQuery(EmployeeId: employeeId, PageSize: pageSize ?? IncidentQueueQuery.DefaultPageSize, ContinuationToken: continuationToken))).ToResponse());
    }

    private static FieldError? SessionRulesClientId(string? id) =>
        Domain.Sessions.SessionRules.ValidateClientId(id, "clientReportId");
}
