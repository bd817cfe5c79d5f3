namespace WellnessPlatform.Benchmarks;

/// <summary>The baseline: a grain call that does nothing.</summary>
public interface IPingGrain : IGrainWithIntegerKey
{
    Task PingAsync();
}

public sealed class PingGrain : Grain, IPingGrain
{
    public Task PingAsync() => Task.CompletedTask;
}
