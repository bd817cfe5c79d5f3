using WellnessPlatform.Testing;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// The row tables (released weeks, roster, incident queue) need a real table service even when a
/// benchmark keeps grain state in memory: one Azurite for the whole process, started on first use.
/// </summary>
internal static class BenchTables
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AzuriteProcess? _azurite;

    public static async Task<string> ConnectionStringAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_azurite is null)
            {
                var azurite = new AzuriteProcess();
                await azurite.StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
                _azurite = azurite;
            }

            return _azurite.ConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }
}
