using System.Diagnostics;

namespace WellnessPlatform.Testing;

/// <summary>
/// A real Azurite table service for the tests, started from the repository's node_modules (installed
/// by scripts/test.sh with npm ci) on a free loopback port, with its own data folder so it can be
/// stopped and started again over the same data.
/// </summary>
public sealed class AzuriteProcess(AzuritePersistence persistence = AzuritePersistence.Disk) : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    // Azurite's table service keeps all its tables in this one file (a LokiJS database).
    private const string DatabaseFile = "__azurite_db_table__.json";
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("wellness-azurite-").FullName;
    private Process? _process;

    public int Port { get; } = Ports.Free();

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    /// <summary>
    /// Starts over a copy of a database file Azurite saved earlier (its whole table service), so a test
    /// reads what another version of the platform wrote. Call before <see cref="StartAsync"/>.
    /// </summary>
    public void SeedFrom(string databaseFile)
    {
        if (persistence == AzuritePersistence.Memory)
        {
            throw new InvalidOperationException("An in-memory Azurite starts empty.");
        }

        File.Copy(databaseFile, Path.Combine(_dataFolder, DatabaseFile), overwrite: true);
    }

    /// <summary>The database file Azurite saves its tables to; complete once it has stopped.</summary>
    public string DatabasePath => Path.Combine(_dataFolder, DatabaseFile);

    public async Task StartAsync()
    {
        string[] storage = persistence == AzuritePersistence.Memory ? ["--inMemoryPersistence"] : ["--location", _dataFolder];
        _process = NodeTool.Start("Azurite", "azurite-table",
            ["--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. storage, "--disableTelemetry", "--silent"]);
        await NodeTool.WaitListeningAsync("Azurite", _process, Port);
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            // Azurite keeps tables in memory and saves them every few seconds; only SIGINT makes it
            // save and close cleanly. A kill would lose the last writes, which real storage never does.
            using (var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        await ForgetProcessAsync();
    }

    /// <summary>
    /// Like the storage machine losing power: SIGKILL, so Azurite neither saves nor closes anything.
    /// <see cref="StartAsync"/> brings it back on the same port over what it last saved.
    /// </summary>
    public async Task CrashAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await ForgetProcessAsync();
    }

    /// <summary>Drops the exited process and returns once its port is free for a restart.</summary>
    private async Task ForgetProcessAsync()
    {
        _process?.Dispose();
        _process = null;
        while (await IsListeningAsync())
        {
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Returns once everything Azurite has taken is on disk. It keeps its tables in memory and every 5 s
    /// saves them whole if anything changed since its last save (writing a new file, then renaming it
    /// over the old one), so a crash loses what came after. A whole interval and a margin without a new
    /// file means it found nothing unsaved. Only meaningful while nothing writes to it.
    /// </summary>
    public async Task WaitUntilSavedAsync()
    {
        var quiet = TimeSpan.FromSeconds(6.5);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var saved = LastSavedUtc();
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow - since < quiet)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Azurite kept saving for 30 seconds: something is still writing to it.");
            }

            await Task.Delay(50);
            if (LastSavedUtc() != saved)
            {
                (saved, since) = (LastSavedUtc(), DateTime.UtcNow);
            }
        }
    }

    private DateTime LastSavedUtc() => File.GetLastWriteTimeUtc(DatabasePath);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private Task<bool> IsListeningAsync() => NodeTool.IsListeningAsync(Port);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WellnessPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (WellnessPlatform.sln).");
    }
}
