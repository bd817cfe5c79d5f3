namespace WellnessPlatform.Domain.Retention;

/// <summary>
/// The longest raw retention allowed. Whole weeks are compacted, so raw records span at most this plus
/// six days, plus today: that bounds an employee's stored sessions and check-ins
/// (<see cref="Employees.EmployeeRecord.MaxRawDays"/>). Two weeks is twice what any rule reaches back.
/// </summary>
public static class RawHistoryLimit
{
    public const int MaxDays = 14;
}
