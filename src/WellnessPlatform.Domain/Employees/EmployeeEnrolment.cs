using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Tenants;

namespace WellnessPlatform.Domain.Employees;

/// <summary>
/// Starting a record and moving its department. Department periods are kept with dates while the
/// tenant has not released their weeks; at the cap, those ended in released weeks fold into an undated
/// tally, which the shard keeps in the same form.
/// </summary>
internal static class EmployeeEnrolment
{
    public static void Start(EmployeeRecord record, EmployeeProfile enrolment, TenantConfig config, DateOnly enrolledOn)
    {
        record.Enrolled = true;
        record.TimeZone = enrolment.TimeZone;
        record.EnrolledOn = enrolledOn;
        record.Departments = [new DepartmentPeriod(enrolment.Department, enrolledOn)];
        record.Plan = config.Plan;
        record.ShardCount = config.AggregateShards;
        record.ContributorToken = Guid.NewGuid();
        record.RestDays = enrolment.RestDays is { Count: > 0 } days ? [new RestDayRule(enrolledOn, [.. days.Distinct()])] : [];
    }

    /// <summary>Whether a move today finds room without folding (a move on the day of the last one replaces it).</summary>
    public static bool HasRoom(EmployeeRecord record, DateOnly today) =>
        record.Departments.Count(d => d.From != today) < EmployeeRecord.MaxDepartmentPeriods;

    /// <summary>
    /// Folds the periods that ended in weeks the tenant has released, to make room for a move today.
    /// False, with nothing changed, when that leaves no room.
    /// </summary>
    public static bool FoldForMove(EmployeeRecord record, DateOnly today, string? releasedThrough)
    {
        var kept = record.Departments.Count(d => d.From != today);
        var fold = MembershipFold.Foldable(record.Departments, releasedThrough);
        var tally = MembershipFold.Tally(record.FoldedDepartments, record.Departments.Take(fold));
        if (kept - fold >= EmployeeRecord.MaxDepartmentPeriods || tally.Count > EmployeeRecord.MaxFoldedDepartments)
        {
            return false;
        }

        // What the folded periods contributed leaves what the record remembers emitting, exactly as it
        // leaves the recomputed share: the difference the shard is sent is unchanged (zero).
        foreach (var (key, value) in MembershipFold.Contributed(record.Departments, fold))
        {
            var left = record.Emitted.GetValueOrDefault(key) - value;
            if (left == 0)
            {
                record.Emitted.Remove(key);
            }
            else
            {
                record.Emitted[key] = left;
            }
        }

        record.FoldedDepartments = tally;
        record.Departments.RemoveRange(0, fold);
        return true;
    }
}
