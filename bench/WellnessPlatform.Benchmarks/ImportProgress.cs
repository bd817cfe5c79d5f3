namespace WellnessPlatform.Benchmarks;

/// <summary>
/// Progress samples of one roster upload: (seconds since the upload was accepted, people processed).
/// The upload writes people in steps of up to 8 × 99 per timer tick, and a status read is answered
/// between ticks, so each sample is the count just after a tick. The time at which a count was
/// reached is interpolated linearly between the two samples around it; with samples every ~50 ms
/// the error is at most one poll interval plus one tick at each end of a window.
/// </summary>
internal sealed class ImportProgress
{
    private readonly List<(double Seconds, int Processed)> _samples = [(0, 0)];

    public int Count => _samples.Count;

    public void Add(double seconds, int processed) => _samples.Add((seconds, processed));

    /// <summary>Invitations per second between two counts, e.g. (0, 1,000) for the first thousand.</summary>
    public double Rate(int from, int to) => (to - from) / (TimeAt(to) - TimeAt(from));

    /// <summary>When the count first reached <paramref name="processed"/>, in seconds since the upload was accepted.</summary>
    public double TimeAt(int processed)
    {
        for (var i = 1; i < _samples.Count; i++)
        {
            var (t1, p1) = _samples[i];
            if (p1 < processed)
            {
                continue;
            }

            var (t0, p0) = _samples[i - 1];
            return p1 == p0 ? t0 : t0 + ((t1 - t0) * (processed - p0) / (p1 - p0));
        }

        throw new ArgumentOutOfRangeException(nameof(processed), processed, "The upload never reached this count.");
    }
}
