namespace WellnessPlatform.Grains;

/// <summary>Reminder housekeeping the grains share.</summary>
internal static class ReminderExtensions
{
    /// <summary>Removes the grain's reminder of that name if it has one, so no reminder row keeps naming a grain whose work is done.</summary>
    public static async Task UnregisterReminderIfAnyAsync(this Grain grain, string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
