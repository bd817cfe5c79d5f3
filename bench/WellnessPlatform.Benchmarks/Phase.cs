using System.Globalization;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// Where the run is, on stderr (the table stays alone on stdout), so a profiler can be attached to the
/// window being measured. BENCH_WINDOW_SECONDS lengthens every timed window for such a trace.
/// </summary>
internal static class Phase
{
    public static TimeSpan Window(TimeSpan standard) =>
        int.TryParse(Environment.GetEnvironmentVariable("BENCH_WINDOW_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : standard;

    public static void Mark(string what) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss.fff}] pid {Environment.ProcessId}: {what}"));
}
