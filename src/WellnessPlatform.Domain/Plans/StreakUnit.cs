namespace WellnessPlatform.Domain.Plans;

/// <summary>The streak counts weeks in the weekly phases and days in the daily phase.</summary>
public enum StreakUnit
{
    Weeks,
    Days,
}
