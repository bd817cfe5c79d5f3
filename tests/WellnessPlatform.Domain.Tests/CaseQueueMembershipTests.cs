using WellnessPlatform.Domain.CareQueue;
using WellnessPlatform.Domain.Incidents;

namespace WellnessPlatform.Domain.Tests;

/// <summary>Where a case belongs in the work queue, and the end date restricted duty may have.</summary>
public sealed class CaseQueueMembershipTests
{
    private static readonly DateTimeOffset Reported = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = Reported.AddDays(7);
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Fact]
    public void A_new_case_is_a_new_incident_until_triaged()
    {
        Assert.Equal([(CareQueueKind.NewIncident, (DateOnly?)new DateOnly(2026, 11, 20))],
            CaseQueueMembership.Of(IncidentStatus.Reported, Reported, Due, null, Reported.AddHours(1)));
        Assert.Empty(CaseQueueMembership.Of(IncidentStatus.Triaged, Reported, Due, null, Reported.AddHours(2)));
    }

    [Fact]
    public void Form_301_is_listed_from_two_days_before_it_is_due_until_the_case_closes()
    {
        Assert.DoesNotContain(CaseQueueMembership.Of(IncidentStatus.Triaged, Reported, Due, null, Due.AddDays(-2).AddMinutes(-1)), e => e.Kind == CareQueueKind.Form301Due);
        Assert.Contains((CareQueueKind.Form301Due, (DateOnly?)new DateOnly(2026, 11, 27)), CaseQueueMembership.Of(IncidentStatus.Triaged, Reported, Due, null, Due.AddDays(-2)));
        Assert.Contains(CaseQueueMembership.Of(IncidentStatus.InTreatment, Reported, Due, null, Due.AddDays(30)), e => e.Kind == CareQueueKind.Form301Due);
        Assert.Empty(CaseQueueMembership.Of(IncidentStatus.Closed, Reported, Due, null, Due.AddDays(1)));
    }

    [Fact]
    public void Restricted_duty_is_listed_with_its_end_date_or_none()
    {
        var until = new DateOnly(2026, 12, 15);
        Assert.Contains((CareQueueKind.RestrictedDuty, (DateOnly?)until), CaseQueueMembership.Of(IncidentStatus.RestrictedDuty, Reported, Due, until, Reported.AddDays(1)));
        Assert.Contains((CareQueueKind.RestrictedDuty, (DateOnly?)null), CaseQueueMembership.Of(IncidentStatus.RestrictedDuty, Reported, Due, null, Reported.AddDays(1)));
        Assert.DoesNotContain(CaseQueueMembership.Of(IncidentStatus.ReturnToWork, Reported, Due, until, Reported.AddDays(1)), e => e.Kind == CareQueueKind.RestrictedDuty);
    }

    [Fact]
    public void A_restricted_duty_end_date_is_from_today_within_a_year_and_only_with_a_move_to_restricted_duty()
    {
        Assert.Null(RestrictedDuty.Validate(IncidentStatus.RestrictedDuty, Today, Today));
        Assert.Null(RestrictedDuty.Validate(IncidentStatus.RestrictedDuty, Today.AddDays(RestrictedDuty.MaxDaysAhead), Today));
        Assert.Null(RestrictedDuty.Validate(IncidentStatus.Closed, null, Today));
        Assert.Equal("in_past", RestrictedDuty.Validate(IncidentStatus.RestrictedDuty, Today.AddDays(-1), Today)!.Code);
        Assert.Equal("too_far", RestrictedDuty.Validate(IncidentStatus.RestrictedDuty, Today.AddDays(RestrictedDuty.MaxDaysAhead + 1), Today)!.Code);
        Assert.Equal("until", RestrictedDuty.Validate(IncidentStatus.Closed, Today, Today)!.Field);
    }
}
