using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Host.Api.Requests;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Api;

/// <summary>
/// The daily reminder: the person's opt-in (their own route), and the unsubscribe link every email
/// carries, which works without signing in: the secret in the link is the authority.
/// </summary>
public static class NotificationsApi
{
    /// <summary>Who the unsubscribe link's grain call acts as: the holder of the link's secret, for the tenant it names.</summary>
    public const string UnsubscribeActor = "unsubscribe-link";

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tenants/{tenantId}/employees/{employeeId}")
            .AddEndpointFilter<RouteIdsFilter>()
            .RequireAccess(AccessRule.EmployeeSelf)
            .WithTags("Employee");
        api.MapPut("/notifications", Set).WithName("SetNotifications").WithSummary("Turn the daily reminder email on (address, local time, quiet hours) or off.");
        api.MapGet("/notifications", Get).WithName("GetNotifications").WithSummary("The daily reminder email settings.");

        routes.MapGet("/notifications/unsubscribe", ConfirmPage).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost("/notifications/unsubscribe", Unsubscribe).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();

        // The case-work alerts' link: it removes the tenant's team address (the tenant admin can set it again).
        routes.MapGet("/notifications/casework/unsubscribe", ConfirmCaseWorkPage).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost("/notifications/casework/unsubscribe", UnsubscribeCaseWork).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        return routes;
    }

    private static async Task<Results<Ok<NotificationSettingsResponse>, ProblemHttpResult>> Set(string tenantId, string employeeId, NotificationsRequest body, IGrainFactory grains)
    {
        if (body.DailyReminder is not { } on)
        {
            return OutcomeResults.Invalid([new FieldError("dailyReminder", "required", "Say true to receive the daily reminder or false to stop it.")]);
        }

        var choice = new ReminderChoice(on, body.Email, body.ReminderTime, body.QuietHours?.Start, body.QuietHours?.Minutes, body.CareNotices ?? false,
            body.TimeZone, body.StreakNudge ?? false);
        return (await EmployeeApi.Employee(grains, tenantId, employeeId).SetNotificationsAsync(choice)).ToHttp(NotificationMapping.ToResponse);
    }

    private static async Task<Results<Ok<NotificationSettingsResponse>, ProblemHttpResult>> Get(string tenantId, string employeeId, IGrainFactory grains) =>
        (await EmployeeApi.Employee(grains, tenantId, employeeId).GetNotificationsAsync()).ToHttp(NotificationMapping.ToResponse);

    /// <summary>A page with one button: a mail scanner that follows links must not unsubscribe anyone.</summary>
    private static async Task<IResult> ConfirmPage(string? tenant, string? employee, string? token, IGrainFactory grains)
    {
        if (!WellFormed(tenant, employee, token))
        {
            return Results.NotFound();
        }

        using (TenantContext.System(UnsubscribeActor, tenant))
        {
            if (!await EmployeeApi.Employee(grains, tenant!, employee!).IsUnsubscribeLinkAsync(token!))
            {
                return Results.NotFound();
            }
        }

        var action = $"/notifications/unsubscribe?tenant={Uri.EscapeDataString(tenant!)}&employee={Uri.EscapeDataString(employee!)}&token={Uri.EscapeDataString(token!)}";
        return Page("Stop the daily reminder?", $"""
            <p>You will no longer receive the daily reminder email. You can turn it on again in the portal.</p>
            <form method="post" action="{WebUtility.HtmlEncode(action)}"><button type="submit">Stop the daily reminder</button></form>
            """);
    }

    private static async Task<IResult> Unsubscribe(string? tenant, string? employee, string? token, IGrainFactory grains)
    {
        if (!WellFormed(tenant, employee, token))
        {
            return Results.NotFound();
        }

        using var scope = TenantContext.System(UnsubscribeActor, tenant);
        var outcome = await EmployeeApi.Employee(grains, tenant!, employee!).UnsubscribeAsync(token!);
        return outcome.IsOk
            ? Page("Unsubscribed", "<p>You will no longer receive the daily reminder email. You can turn it on again in the portal.</p>")
            : Results.NotFound();
    }

    private static async Task<IResult> ConfirmCaseWorkPage(string? tenant, string? token, IGrainFactory grains)
    {
        if (!Identifiers.IsValid(tenant) || token is not { Length: > 0 and <= 64 })
        {
            return Results.NotFound();
        }

        using (TenantContext.System(UnsubscribeActor, tenant))
        {
            if (!await grains.GetGrain<ITenantGrain>(tenant!).IsCaseWorkUnsubscribeLinkAsync(token))
            {
                return Results.NotFound();
            }
        }

        var action = $"/notifications/casework/unsubscribe?tenant={Uri.EscapeDataString(tenant!)}&token={Uri.EscapeDataString(token)}";
        return Page("Stop the case-work alerts?", $"""
            <p>This address will no longer receive an email when new work enters the case-work queue. Your administrator can set an address again in the tenant settings.</p>
            <form method="post" action="{WebUtility.HtmlEncode(action)}"><button type="submit">Stop the case-work alerts</button></form>
            """);
    }

    private static async Task<IResult> UnsubscribeCaseWork(string? tenant, string? token, IGrainFactory grains)
    {
        if (!Identifiers.IsValid(tenant) || token is not { Length: > 0 and <= 64 })
        {
            return Results.NotFound();
        }

        using var scope = TenantContext.System(UnsubscribeActor, tenant);
        return await grains.GetGrain<ITenantGrain>(tenant!).UnsubscribeCaseWorkAsync(token)
            ? Page("Unsubscribed", "<p>This address will no longer receive case-work alerts.</p>")
            : Results.NotFound();
    }

    private static bool WellFormed(string? tenant, string? employee, string? token) =>
        Identifiers.IsValid(tenant) && Identifiers.IsValid(employee) && token is { Length: > 0 and <= 64 };

    private static IResult Page(string title, string body) => Results.Content($"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title></head>
        <body><main><h1>{title}</h1>{body}</main></body></html>
        """, "text/html; charset=utf-8");
}
