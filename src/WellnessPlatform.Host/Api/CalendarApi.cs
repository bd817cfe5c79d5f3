using Microsoft.AspNetCore.Http.HttpResults;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Domain;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.Calendar;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Api;

/// <summary>
/// The calendar feed of planned sessions: the person issues (anew, revoking the old address), reads or
/// revokes its address on their own route; the feed itself answers without signing in, since calendar
/// apps cannot, so the 256-bit secret in its address is the authority, as for the unsubscribe link.
/// </summary>
public static class CalendarApi
{
    /// <summary>Who the feed's grain call acts as: the holder of the address's secret, for the tenant it names.</summary>
    public const string FeedActor = "calendar-feed";

    public const string FeedPath = "/calendar/feed.ics";

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tenants/{tenantId}/employees/{employeeId}")
            .AddEndpointFilter<RouteIdsFilter>()
            .RequireAccess(AccessRule.EmployeeSelf)
            .WithTags("Employee");
        api.MapPut("/calendar-feed", Issue).WithName("IssueCalendarFeed").WithSummary("Issue a new calendar feed address of planned sessions; the previous one stops working.");
        api.MapGet("/calendar-feed", Get).WithName("GetCalendarFeed").WithSummary("The calendar feed's address, if one is issued.");
        api.MapDelete("/calendar-feed", Revoke).WithName("RevokeCalendarFeed").WithSummary("Revoke the calendar feed's address.");

        routes.MapGet(FeedPath, Feed).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    /// <summary>The feed's address for a person and secret, on the host the request came to.</summary>
    public static string FeedUrl(HttpRequest request, string tenantId, string employeeId, string token) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{FeedPath}?tenant={Uri.EscapeDataString(tenantId)}&employee={Uri.EscapeDataString(employeeId)}&token={Uri.EscapeDataString(token)}";

    private static async Task<Results<Ok<CalendarFeedResponse>, ProblemHttpResult>> Issue(string tenantId, string employeeId, IGrainFactory grains, HttpRequest request) =>
        (await EmployeeApi.Employee(grains, tenantId, employeeId).IssueCalendarFeedAsync()).ToHttp(v => ToResponse(v, request, tenantId, employeeId));

    private static async Task<Results<Ok<CalendarFeedResponse>, ProblemHttpResult>> Get(string tenantId, string employeeId, IGrainFactory grains, HttpRequest request) =>
        (await EmployeeApi.Employee(grains, tenantId, employeeId).GetCalendarFeedAsync()).ToHttp(v => ToResponse(v, request, tenantId, employeeId));

    private static async Task<Results<Ok<CalendarFeedResponse>, ProblemHttpResult>> Revoke(string tenantId, string employeeId, IGrainFactory grains, HttpRequest request) =>
        (await EmployeeApi.Employee(grains, tenantId, employeeId).RevokeCalendarFeedAsync()).ToHttp(v => ToResponse(v, request, tenantId, employeeId));

    /// <summary>A wrong, revoked or malformed secret is 404, the same as a person who does not exist.</summary>
    private static async Task<IResult> Feed(string? tenant, string? employee, string? token, IGrainFactory grains, HttpRequest request, TimeProvider clock)
    {
        if (!Identifiers.IsValid(tenant) || !Identifiers.IsValid(employee) || token is not { Length: > 0 and <= 64 })
        {
            return Results.NotFound();
        }

        CalendarSessions? sessions;
        using (TenantContext.System(FeedActor, tenant))
        {
            sessions = await EmployeeApi.Employee(grains, tenant!, employee!).GetCalendarAsync(token);
        }

        if (sessions is null)
        {
            return Results.NotFound();
        }

        var portal = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/portal");
        return Results.Text(IcsCalendar.Write(sessions, tenant!, employee!, portal, clock.GetUtcNow()), IcsCalendar.ContentType);
    }

    private static CalendarFeedResponse ToResponse(CalendarFeedView view, HttpRequest request, string tenantId, string employeeId) =>
        new(view.Token is not null, view.Token is { } token ? FeedUrl(request, tenantId, employeeId, token) : null);
}
