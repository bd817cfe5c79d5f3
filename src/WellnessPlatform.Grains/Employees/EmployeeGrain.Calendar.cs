using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Notifications;

namespace WellnessPlatform.Grains.Employees;

/// <summary>
/// The calendar feed of planned sessions: an address whose secret is the only authority (calendar apps
/// cannot sign in), issued anew to revoke the old one, and the sessions it lists (<see cref="CalendarPlan"/>).
/// </summary>
public sealed partial class EmployeeGrain
{
    public Task<Outcome<CalendarFeedView>> IssueCalendarFeedAsync() => SetCalendarTokenAsync(NewUnsubscribeToken());

    public Task<Outcome<CalendarFeedView>> RevokeCalendarFeedAsync() => SetCalendarTokenAsync(null);

    public Task<Outcome<CalendarFeedView>> GetCalendarFeedAsync() => ReadAsync(() => new CalendarFeedView(_record.CalendarToken));

    public Task<CalendarSessions?> GetCalendarAsync(string token) => Task.FromResult(_record.IsCalendarToken(token)
        ? new CalendarSessions([.. CalendarPlan.Sessions(_record, Now).Select(s => new CalendarSession(s.Day, s.Start))], CalendarPlan.Length)
        : null);

    private Task<Outcome<CalendarFeedView>> SetCalendarTokenAsync(string? token) => _record.Enrolled
        ? RunAsync(_record.SetCalendarToken(token), _ => new CalendarFeedView(_record.CalendarToken))
        : Task.FromResult(Refusal.NotEnrolled.ToOutcome<CalendarFeedView>());
}
