namespace WellnessPlatform.Domain.Aggregates;

/// <summary>Current screening outcomes across the tenant: held for a clinician, or clear.</summary>
[GenerateSerializer, Immutable, Alias("wp.ScreeningCounts")]
public sealed record ScreeningCounts(
    [property: Id(0)] int Held,
    [property: Id(1)] int Clear)
{
    public int Screened => Held + Clear;

    public static ScreeningCounts From(IReadOnlyDictionary<CellKey, long> counters) => new(
        (int)counters.Where(kv => kv.Key.Metric == Metric.ScreenedHeld).Sum(kv => kv.Value),
        (int)counters.Where(kv => kv.Key.Metric == Metric.ScreenedClear).Sum(kv => kv.Value));

    /// <summary>
    /// What to publish next. Screening counts are standing totals, so two reads a day apart differ by
    /// exactly the people screened or cleared in between; the published counts therefore move only
    /// when at least k people's outcomes have changed since the last publication.
    /// </summary>
    public static ScreeningCounts? Next(ScreeningCounts current, ScreeningCounts? published, int k)
    {
        if (published is null)
        {
            return current.Screened >= k ? current : null;
        }

        var changed = Math.Max(Math.Abs(current.Screened - published.Screened),
            Math.Max(Math.Abs(current.Held - published.Held), Math.Abs(current.Clear - published.Clear)));
        return changed >= k ? current : published;
    }

    /// <summary>The summary HR sees: held is shown only when neither the held nor the clear group is small.</summary>
    public static ScreeningSummary Summary(ScreeningCounts? published, int k)
    {
        if (published is null || published.Screened < k)
        {
            return new ScreeningSummary(null, null, true);
        }

        var heldShown = !IsSmall(published.Held, k) && !IsSmall(published.Clear, k);
        return new ScreeningSummary(published.Screened, heldShown ? published.Held : null, !heldShown);
    }

    private static bool IsSmall(int people, int k) => people > 0 && people < k;
}
