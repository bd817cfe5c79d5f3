using Azure.Data.Tables;

namespace WellnessPlatform.Benchmarks;

/// <summary>Step 9a: what the registered reminders cost per day, read from Orleans' reminder table.</summary>
internal static class ReminderWakeups
{
    public sealed record Result(int Reminders, double PerDay, IReadOnlyDictionary<string, int> ByName);

    /// <summary>Every reminder fires 86,400 s / period times a day, whichever grain it belongs to.</summary>
    public static async Task<Result> ReadAsync(TableServiceClient service)
    {
        var table = service.GetTableClient("OrleansReminders");
        var count = 0;
        var perDay = 0.0;
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(select: ["ReminderName", "Period"], maxPerPage: 1000))
        {
            var period = TimeSpan.Parse(entity.GetString("Period")!, System.Globalization.CultureInfo.InvariantCulture);
            count++;
            perDay += TimeSpan.FromDays(1) / period;
            var name = entity.GetString("ReminderName") ?? "?";
            byName[name] = byName.GetValueOrDefault(name) + 1;
        }

        return new Result(count, perDay, byName);
    }
}
