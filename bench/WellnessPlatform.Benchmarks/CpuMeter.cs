using System.Diagnostics;
using System.Globalization;

namespace WellnessPlatform.Benchmarks;

/// <summary>
/// CPU seconds used by this process (host, silo and load driver together) and by the Azurite process,
/// read from /proc, so each phase can say where its time went on the two cores.
/// </summary>
internal sealed class CpuMeter(int azuritePort)
{
    private readonly int? _azurite = FindAzurite(azuritePort);

    public (double Self, double Azurite) Read()
    {
        using var self = Process.GetCurrentProcess();
        return (self.TotalProcessorTime.TotalSeconds, _azurite is { } pid ? ProcSeconds(pid) : double.NaN);
    }

    private static int? FindAzurite(int port)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid)
                && File.Exists(Path.Combine(dir, "cmdline"))
                && TryRead(Path.Combine(dir, "cmdline")) is { } cmdline
                && cmdline.Contains("azurite-table", StringComparison.Ordinal)
                && cmdline.Split('\0').Contains(port.ToString(CultureInfo.InvariantCulture)))
            {
                return pid;
            }
        }

        return null;
    }

    /// <summary>utime + stime of a process, fields 14 and 15 of /proc/PID/stat, in clock ticks of 1/100 s.</summary>
    private static double ProcSeconds(int pid)
    {
        var stat = TryRead($"/proc/{pid}/stat");
        if (stat is null)
        {
            return double.NaN;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
