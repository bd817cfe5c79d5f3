namespace WellnessPlatform.Benchmarks;

/// <summary>
/// One cursor over N people shared by every worker, so each person gets the same number of sessions
/// whatever the workers' speeds. With keys strided per worker (worker + i × 64 over 30,000: four
/// workers around each sixteenth of the people), the storage-in-place run reached the daily cap of 10
/// sessions a person twice, at about 6 a person on average.
/// </summary>
internal sealed class RoundRobin(int count)
{
    private long _next = -1;

    public int Next() => (int)(Interlocked.Increment(ref _next) % count);
}
