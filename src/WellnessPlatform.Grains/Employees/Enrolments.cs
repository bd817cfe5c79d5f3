using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Roster;

namespace WellnessPlatform.Grains.Employees;

/// <summary>
/// Enrolment, only after an invitation: the one place that rule lives, for the API and the portal alike.
/// The department is the invitation's, never the caller's. An application service beside the grains:
/// the roster and the employee are two grains, and neither should call the other for it.
/// </summary>
public sealed class Enrolments(IGrainFactory grains)
{
    public const string NotInvitedCode = "not_invited";

    public const string NotInvitedDetail = "Your employer has not invited you to the programme yet.";

    /// <summary>Enrols (or updates time zone and rest days); Conflict "not_invited" without an invitation.</summary>
    public async Task<Outcome<EmployeeStatus>> EnrolAsync(string tenantId, string employeeId, string timeZone, IReadOnlyList<DayOfWeek> restDays)
    {
        var invitation = await grains.GetGrain<IRosterGrain>(GrainKeys.Roster(tenantId)).GetAsync(employeeId);
        if (invitation is null)
        {
            return Outcome<EmployeeStatus>.Conflict(NotInvitedCode, NotInvitedDetail);
        }

        return await grains.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenantId, employeeId))
            .EnrolAsync(new Enrolment(timeZone, invitation.Department, restDays));
    }
}
