using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Grains.CaseWork;
using WellnessPlatform.Grains.Employees;
using WellnessPlatform.Host.Api;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.Security;
using WellnessPlatform.Host.Web;

namespace WellnessPlatform.Host.Pages.Portal;

/// <summary>The employee portal: enrolment, screening, today's routine, logging, progress, pain and consent.</summary>
[Authorize(Policy = PagePolicies.Portal)]
public sealed class IndexModel(IGrainFactory grains, AuditedCaseWork caseWork, Enrolments enrolments) : PageModel
{
    public EmployeeStatus? Status { get; private set; }

    public Invitation? Invitation { get; private set; }

    public TodayRoutine? Today { get; private set; }

    public ProgressView? Progress { get; private set; }

    public TenantLinks Links { get; private set; } = new(null, null);

    /// <summary>The daily reminder email as the person set it (off until they turn it on).</summary>
    public NotificationSettingsView? Notifications { get; private set; }

    /// <summary>The calendar feed's address while one is issued: the secret is in it.</summary>
    public string? CalendarFeedUrl { get; private set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>Generated once per page view: pressing "Log" twice sends the same id and counts once.</summary>
    public string NewSessionId { get; } = Guid.NewGuid().ToString("N");

    public string NewCheckInId { get; } = Guid.NewGuid().ToString("N");

    private IEmployeeGrain Employee => grains.GetGrain<IEmployeeGrain>(User.EmployeeKey());

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostEnrolAsync(string timeZone)
    {
        var outcome = await enrolments.EnrolAsync(User.Tenant(), User.Subject(), timeZone ?? string.Empty, []);
        return outcome.Code == Enrolments.NotInvitedCode
            ? await ShowAsync([new FieldError("timeZone", outcome.Code, outcome.Detail!)])
            : await AfterAsync(outcome, "You are enrolled. Please answer the short screening next.");
    }

    public async Task<IActionResult> OnPostScreenAsync(int painIntensity, bool workRelated, bool recentInjury, List<RedFlag>? redFlags)
    {
        var outcome = await Employee.ScreenAsync(new ScreeningAnswers(painIntensity, workRelated, recentInjury, redFlags ?? []));
        return await AfterAsync(outcome, outcome.Value?.Advice ?? "Screening saved.");
    }

    public async Task<IActionResult> OnPostLogAsync(string clientSessionId, List<ExerciseInput> exercises, int? painBefore, int? painAfter)
    {
        var logged = exercises.Where(e => e.Done)
            .Select(e => new LoggedExercise(e.ExerciseId, e.Reps, e.HoldSeconds, Enum.TryParse<Side>(e.Side, true, out var side) ? side : null))
            .ToList();
        var outcome = await Employee.LogSessionAsync(new LogSession(clientSessionId, null, null, logged, painBefore, painAfter));
        var message = outcome.Value is { } receipt
            ? receipt.Duplicate ? "That session was already logged; it counts once." : $"Session logged. This week: {receipt.DaysDoneThisWeek} of {receipt.WeeklyTarget}."
            : string.Empty;
        return await AfterAsync(outcome, message);
    }

    public async Task<IActionResult> OnPostCheckInAsync(string clientCheckInId, int pain) =>
        await AfterAsync(await Employee.CheckInPainAsync(new PainCheckIn(clientCheckInId, pain, PainContext.Daily)), "Pain check-in saved.");

    public async Task<IActionResult> OnPostConsentAsync(bool granted)
    {
        var outcome = await caseWork.SetConsentAsync(User.Tenant(), User.Actor(), User.Subject(), granted);
        return await AfterAsync(outcome, granted ? "Case workers may now see your pain trend." : "Case workers can no longer see your pain trend.");
    }

    /// <summary>A medical pause from a day (today when empty) until an optional last day: the streak is frozen meanwhile.</summary>
    public async Task<IActionResult> OnPostPauseAsync(DateOnly? from, DateOnly? until)
    {
        var outcome = await Employee.StartPauseAsync(new PauseRequest(from, until));
        return await AfterAsync(outcome, until is { } end
            ? $"Your routine is paused until {end:d MMMM}; your streak is frozen meanwhile."
            : "Your routine is paused; your streak is frozen until you end the pause here.");
    }

    public async Task<IActionResult> OnPostEndPauseAsync() =>
        await AfterAsync(await Employee.EndPauseAsync(), "Your pause has ended. Welcome back.");

    /// <summary>Planned rest weekdays: a rest day is never a missed one. A week under way keeps its plan.</summary>
    public async Task<IActionResult> OnPostRestDaysAsync(List<DayOfWeek>? restDays) =>
        await AfterAsync(await Employee.SetRestDaysAsync(restDays ?? []), "Your rest days are saved; they apply from next Monday.");

    /// <summary>The daily reminder email: on with an address, a local time, its zone and optional quiet hours, or off; with it, the streak nudge.</summary>
    public async Task<IActionResult> OnPostNotificationsAsync(bool dailyReminder, string? email, string? reminderTime, string? quietStart, int? quietMinutes, bool careNotices,
        bool streakNudge, string? timeZone)
    {
        // The person's own zone is the default, not a choice to pin: a later move of theirs moves the reminder too.
        var zone = string.IsNullOrWhiteSpace(timeZone) || timeZone == (await Employee.GetStatusAsync()).Value?.TimeZone ? null : timeZone.Trim();
        var choice = new ReminderChoice(dailyReminder, email, reminderTime, string.IsNullOrEmpty(quietStart) ? null : quietStart, string.IsNullOrEmpty(quietStart) ? null : quietMinutes, careNotices,
            zone, streakNudge);
        return await AfterAsync(await Employee.SetNotificationsAsync(choice),
            dailyReminder ? "Your daily reminder is on. Each email has a link to stop it." : "Your daily reminder is off.");
    }

    /// <summary>A new calendar feed address; the previous one stops working.</summary>
    public async Task<IActionResult> OnPostCalendarFeedAsync() =>
        await AfterAsync(await Employee.IssueCalendarFeedAsync(), "Your calendar link is ready. Any older link has stopped working.");

    public async Task<IActionResult> OnPostRevokeCalendarFeedAsync() =>
        await AfterAsync(await Employee.RevokeCalendarFeedAsync(), "Your calendar link has stopped working.");

    private async Task<IActionResult> AfterAsync<T>(Outcome<T> outcome, string success)
    {
        if (outcome.IsOk)
        {
            TempData["Message"] = success;
            return RedirectToPage();
        }

        return await ShowAsync(outcome.Errors.Count > 0 ? outcome.Errors : [new FieldError(string.Empty, outcome.Code ?? "error", outcome.Detail ?? "That did not work.")]);
    }

    private async Task<IActionResult> ShowAsync(IReadOnlyList<FieldError> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var tenant = User.Tenant();
        Links = TenantLinks.From(await grains.GetGrain<ITenantGrain>(tenant).GetConfigAsync());
        var status = await Employee.GetStatusAsync();
        if (!status.IsOk)
        {
            Invitation = await grains.GetGrain<IRosterGrain>(GrainKeys.Roster(tenant)).GetAsync(User.Subject());
            return;
        }

        Status = status.Value;
        Today = (await Employee.GetTodayAsync()).Value;
        Progress = (await Employee.GetProgressAsync()).Value;
        Notifications = (await Employee.GetNotificationsAsync()).Value;
        CalendarFeedUrl = (await Employee.GetCalendarFeedAsync()).Value?.Token is { } token ? CalendarApi.FeedUrl(Request, tenant, User.Subject(), token) : null;
    }
}
