using System.Diagnostics;
using WellnessPlatform.Grains.Roster;
using WellnessPlatform.Host.Api.Responses;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Benchmarks;

/// <summary>Step 7: the pages' reads, timed one at a time, alternating between the large tenant and the baseline tenant.</summary>
internal sealed class ScaleReads(ScaleApi api)
{
    /// <summary>One read as a person makes it: a path and the token of the role that reads it.</summary>
    public sealed record Read(string Path, string Token);

    public sealed record Latency(double P50, double P99);

    /// <summary>
    /// After a discarded warm-up, the two tenants' reads alternate, so whatever else the machine does at
    /// the time weighs on both alike. Each time is from sending the request to having the whole body.
    /// </summary>
    public Task<(Latency Scale, Latency Baseline)> MeasureAsync(string operation, Read scale, Read baseline, int warmUp, int reads) =>
        AlternateAsync(() => api.TimeGetAsync(operation, scale.Path, scale.Token), () => api.TimeGetAsync(operation, baseline.Path, baseline.Token), warmUp, reads);

    /// <summary>
    /// The roster page's own storage reads (<see cref="RosterTable.PageAsync"/>, its queries and nothing
    /// else), with no grain or HTTP in between: how much of a page's time is the table service's.
    /// Alternates tenants like the reads above.
    /// </summary>
    public static Task<(Latency Scale, Latency Baseline)> MeasureStorageAsync(
        RosterTable roster, (string Tenant, string? Token) scale, (string Tenant, string? Token) baseline, int pageSize, int warmUp, int reads)
    {
        async Task<double> TimeAsync((string Tenant, string? Token) read)
        {
            var clock = Stopwatch.StartNew();
            _ = (await roster.PageAsync(read.Tenant, pageSize, read.Token)).Items.Count;
            return clock.Elapsed.TotalMilliseconds;
        }

        return AlternateAsync(() => TimeAsync(scale), () => TimeAsync(baseline), warmUp, reads);
    }

    /// <summary>Discarded warm-up, then timed pairs: the large tenant's read, then the baseline's.</summary>
    private static async Task<(Latency Large, Latency Small)> AlternateAsync(Func<Task<double>> large, Func<Task<double>> small, int warmUp, int reads)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await large();
            await small();
        }

        var largeTimes = new double[reads];
        var smallTimes = new double[reads];
        for (var i = 0; i < reads; i++)
        {
            largeTimes[i] = await large();
            smallTimes[i] = await small();
        }

        return (Percentiles(largeTimes), Percentiles(smallTimes));
    }

    /// <summary>Follows the invitations' continuation tokens <paramref name="pages"/> pages in; returns the token of the next page and how long the walk took.</summary>
    public async Task<(string Token, TimeSpan Walk)> DeepInvitationsTokenAsync(string tenant, int pageSize, int pages)
    {
        var admin = ScaleTokens.Staff(Roles.TenantAdmin, tenant);
        var clock = Stopwatch.StartNew();
        string? token = null;
        for (var page = 0; page < pages; page++)
        {
            var list = await api.GetJsonAsync<InvitationList>("invitations page", InvitationsPath(tenant, pageSize, token), admin);
            token = list.ContinuationToken ?? throw new InvalidOperationException($"The roster ended after {page + 1} pages.");
        }

        return (token!, clock.Elapsed);
    }

    public static string InvitationsPath(string tenant, int pageSize, string? continuationToken) =>
        $"/api/tenants/{tenant}/invitations?pageSize={pageSize}" + (continuationToken is null ? string.Empty : $"&continuationToken={Uri.EscapeDataString(continuationToken)}");

    private static Latency Percentiles(double[] samples)
    {
        Array.Sort(samples);
        return new Latency(samples[samples.Length / 2], samples[(int)Math.Ceiling(samples.Length * 0.99) - 1]);
    }
}
