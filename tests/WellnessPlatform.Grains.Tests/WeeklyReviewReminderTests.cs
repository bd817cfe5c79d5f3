using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Time;

namespace WellnessPlatform.Grains.Tests;

/// <summary>One wake-up per person per week, at their own week's start; the tenant wakes once a day.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WeeklyReviewReminderTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/Los_Angeles")]
    public async Task Enrolling_registers_one_weekly_review_early_on_the_persons_own_monday(string zoneId)
    {
        var tenantId = "review-" + zoneId.Split('/')[1].ToLowerInvariant().Replace('_', '-');
        using var scope = new TenantScope(tenantId);
        await fixture.CreateTenantAsync(tenantId);
        var employee = fixture.Client.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenantId, "weekly"));
        Assert.True((await employee.EnrolAsync(new Enrolment(zoneId, "office", []))).IsOk);
        Assert.True((await employee.ScreenAsync(new ScreeningAnswers(3, false, false, []))).IsOk);

        var reminder = Assert.Single(await fixture.RemindersAsync(GrainId.Create(GrainTypes.Employee, GrainKeys.Employee(tenantId, "weekly"))));
        Assert.Equal("weekly-review", reminder.ReminderName);
        Assert.Equal(TimeSpan.FromDays(7), reminder.Period);
        Assert.True(LocalCalendar.TryFindZone(zoneId, out var zone));
        var firstTick = TimeZoneInfo.ConvertTime(new DateTimeOffset(reminder.StartAt, TimeSpan.Zero), zone);
        Assert.Equal(DayOfWeek.Monday, firstTick.DayOfWeek);
        Assert.InRange(firstTick.TimeOfDay, WeeklyReview.After, WeeklyReview.After + WeeklyReview.Spread);
        Assert.InRange(new DateTimeOffset(reminder.StartAt, TimeSpan.Zero) - fixture.Clock.GetUtcNow(), TimeSpan.Zero, TimeSpan.FromDays(7));

        var tenantReminder = Assert.Single(await fixture.RemindersAsync(GrainId.Create(GrainTypes.Tenant, tenantId)));
        Assert.Equal(TimeSpan.FromDays(1), tenantReminder.Period);
    }
}
