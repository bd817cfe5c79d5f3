using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.CareQueue;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Domain.Sessions;

namespace WellnessPlatform.Domain.Tests;

/// <summary>Who the case workers' work queue lists: held people until cleared, rising pain only with consent.</summary>
public sealed class CareQueueMembershipTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static EmployeeRecord Screened(int pain)
    {
        var record = new EmployeeRecord
        {
            Enrolled = true,
            TimeZone = "Etc/UTC",
            EnrolledOn = Today.AddDays(-10),
            Departments = [new DepartmentPeriod("office", Today.AddDays(-10))],
            Plan = PlanSettings.Default,
            ShardCount = 16,
            ContributorToken = Guid.NewGuid(),
        };
        Assert.Null(record.Screen(new ScreeningAnswers(pain, false, false, []), Now).Refused);
        return record;
    }

    private static CareQueueMarks Marks(EmployeeRecord record) => CareQueueMembership.Of(record, EmployeeProgress.Evaluate(record, Today));

    /// <summary>Two check-ins three points above a baseline of 2: pain rising.</summary>
    private static void RaisePain(EmployeeRecord record)
    {
        Assert.Null(record.CheckInPain("p-1", 5, PainContext.Daily, Now.AddHours(-2)).Refused);
        Assert.Null(record.CheckInPain("p-2", 5, PainContext.Daily, Now.AddHours(-1)).Refused);
    }

    [Fact]
    public void A_person_held_at_screening_awaits_clearance_since_the_day_of_the_hold_and_leaves_the_queue_when_cleared()
    {
        var record = Screened(pain: 8);

        Assert.Equal(CareQueueMarks.AwaitingClearance, Marks(record));
        Assert.Equal(Today, CareQueueMembership.Since(record, CareQueueKind.AwaitingClearance));

        Assert.True(record.RecordClearance("cw", Now).Changed);
        Assert.Equal(CareQueueMarks.None, Marks(record));
    }

    [Fact]
    public void A_person_not_held_is_not_listed()
    {
        Assert.Equal(CareQueueMarks.None, Marks(Screened(pain: 3)));
    }

    [Fact]
    public void Rising_pain_is_listed_only_while_the_person_consents()
    {
        var record = Screened(pain: 2);
        RaisePain(record);
        Assert.True(EmployeeProgress.Evaluate(record, Today).PainRising);

        Assert.Equal(CareQueueMarks.None, Marks(record));

        record.SetCaseWorkerConsent(true);
        Assert.Equal(CareQueueMarks.PainRising, Marks(record));
        Assert.Equal(Today, CareQueueMembership.Since(record, CareQueueKind.PainRising));

        record.SetCaseWorkerConsent(false);
        Assert.Equal(CareQueueMarks.None, Marks(record));
    }

    [Fact]
    public void Rising_pain_leaves_the_queue_once_pain_is_no_longer_rising()
    {
        var record = Screened(pain: 2);
        record.SetCaseWorkerConsent(true);
        RaisePain(record);
        Assert.Equal(CareQueueMarks.PainRising, Marks(record));

        Assert.Null(record.CheckInPain("p-3", 2, PainContext.Daily, Now).Refused);

        Assert.False(EmployeeProgress.Evaluate(record, Today).PainRising);
        Assert.Equal(CareQueueMarks.None, Marks(record));
    }

    [Fact]
    public void Nothing_is_listed_once_an_erasure_has_begun()
    {
        var record = Screened(pain: 8);
        record.ErasureShare = [];

        Assert.Equal(CareQueueMarks.None, Marks(record));
    }
}
