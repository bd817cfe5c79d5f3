using Microsoft.Extensions.Logging;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Contracts.Tenants;
using WellnessPlatform.Domain;
using WellnessPlatform.Domain.Roster;
using WellnessPlatform.Domain.Tenants;

namespace WellnessPlatform.Grains.Roster;

/// <summary>
/// Runs one roster upload. The file is validated whole when it arrives; the valid lines, sorted by id,
/// are written in transactions of up to 100 people on a timer, so status reads interleave with the
/// work and show progress. The lines themselves are held only in memory: if the silo stops part-way
/// the upload is marked interrupted, and uploading the file again finishes it (rows already written
/// are left unchanged).
/// </summary>
[GrainType(GrainTypes.RosterImport)]
public sealed partial class RosterImportGrain(
    [PersistentState(StorageNames.RosterImportState, StorageNames.GrainState)] IPersistentState<RosterImportState> state,
    RosterTable roster,
    TimeProvider clock,
    ILogger<RosterImportGrain> logger) : Grain, IRosterImportGrain
{
    // One transaction at a time: each also updates the roster's head-count row, so parallel ones would
    // only collide on it (the scale benchmark saw 48 of 1,011 retried at four in flight). Eight per
    // tick keeps a tick short, so status reads are answered between ticks.
    private const int BatchesPerTick = 8;
    private const int MaxConsecutiveFailures = 30;

    private readonly Queue<RosterLine[]> _pending = new();
    private RosterHeadroom? _headroom;
    private IGrainTimer? _timer;
    private int _failures;
    private TenantConfig? _config;

    private RosterImportState Import => state.State;

    private string TenantId => GrainKeys.TenantOf(this.GetPrimaryKeyString());

    private string ImportId => GrainKeys.LocalPart(this.GetPrimaryKeyString())["import-".Length..];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Import.Phase == ImportPhase.Running && Import.StartedAt is not null)
        {
            // A fresh activation of a running upload has lost its lines with the silo that held them.
            Import.Phase = ImportPhase.Interrupted;
            Import.FinishedAt = clock.GetUtcNow();
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<Outcome<RosterImportStatus>> StartAsync(string csv, string startedBy)
    {
        if (Import.StartedAt is not null)
        {
            return Outcome<RosterImportStatus>.Ok(Import.ToStatus(ImportId));
        }

        var config = await GrainFactory.GetGrain<ITenantGrain>(TenantId).GetConfigAsync();
        if (config is null)
        {
            return Outcome<RosterImportStatus>.NotFound("tenant_not_found", "This employer is not set up on the platform.");
        }

        _config = config;
        var file = RosterCsv.Parse(csv, config.Departments);
        if (file.Lines.Count == 0 && file.Errors.Any(e => e.Field == "file" || e.Code == "missing_column"))
        {
            var error = file.Errors.First(e => e.Field == "file" || e.Code == "missing_column");
            return Outcome<RosterImportStatus>.Invalid(new FieldError("file", error.Code, $"Line {error.Line}: {error.Message}"));
        }

        Import.Phase = file.Lines.Count == 0 ? ImportPhase.Completed : ImportPhase.Running;
        Import.Lines = file.DataLines;
        Import.Accepted = file.Lines.Count;
        Import.Rejected = file.Errors.Count;
        Import.Errors = [.. file.Errors.Take(RosterImportStatus.MaxErrorsListed)];
        Import.StartedAt = clock.GetUtcNow();
        Import.FinishedAt = file.Lines.Count == 0 ? Import.StartedAt : null;
        Import.StartedBy = startedBy;
        await state.WriteStateAsync();

        // Each batch is one bucket's, sorted, so it is one transaction and one range read finds who is already there.
        foreach (var bucket in file.Lines.GroupBy(l => RosterCursor.BucketOf(l.EmployeeId)).OrderBy(g => g.Key))
        {
            foreach (var batch in bucket.OrderBy(l => l.EmployeeId, StringComparer.Ordinal).Chunk(RosterTable.MaxBatch))
            {
                _pending.Enqueue(batch);
            }
        }

        if (_pending.Count > 0)
        {
            _timer = this.RegisterGrainTimer(ProcessAsync, new GrainTimerCreationOptions(TimeSpan.Zero, TimeSpan.FromMilliseconds(10)) { KeepAlive = true });
        }

        return Outcome<RosterImportStatus>.Ok(Import.ToStatus(ImportId));
    }

    public Task<RosterImportStatus?> GetAsync() =>
        Task.FromResult(Import.StartedAt is null ? null : Import.ToStatus(ImportId));

    private async Task ProcessAsync(CancellationToken cancellationToken)
    {
        WellnessMetrics.Woke("import");
        var taken = new List<RosterLine[]>();
        while (taken.Count < BatchesPerTick && _pending.TryDequeue(out var batch))
        {
            taken.Add(batch);
        }

        var now = clock.GetUtcNow();
        _headroom = null;
        var failed = new List<RosterLine[]>();
        foreach (var batch in taken)
        {
            if (!await WriteBatchAsync(batch, now, cancellationToken))
            {
                failed.Add(batch);
            }
        }

        // A batch that failed is tried again later; its people are not counted until it lands.
        foreach (var batch in failed)
        {
            _pending.Enqueue(batch);
        }

        _failures = failed.Count > 0 ? _failures + 1 : 0;
        var finished = _pending.Count == 0 || _failures >= MaxConsecutiveFailures;
        if (finished)
        {
            Import.Phase = _pending.Count == 0 ? ImportPhase.Completed : ImportPhase.Interrupted;
            Import.FinishedAt = clock.GetUtcNow();
            _pending.Clear();
        }

        // Not the timer's token: disposing the timer cancels it, and the final state must still be stored.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await state.WriteStateAsync(CancellationToken.None);
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Progress is a report, not the data: the rows are already stored. The last state is
                // tried a few times; an earlier one is simply written again on the next tick.
                LogProgressFailed(logger, ex);
                if (!finished || attempt == 3)
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
            }
        }

        if (finished)
        {
            _timer?.Dispose();
            _timer = null;
            return;
        }

        if (failed.Count > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500 * Math.Min(_failures, 4)), cancellationToken);
        }
    }

    private async Task<bool> WriteBatchAsync(RosterLine[] batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            // The head count is read once a tick (16 point reads), not once a batch.
            _headroom ??= await roster.HeadroomAsync(TenantId, _config!.RosterCapacity, cancellationToken);
            var entries = await roster.ApplyAsync(TenantId, [.. batch.Select(l => new Invitation(l.EmployeeId, l.Department, now, Import.StartedBy))], _headroom, cancellationToken);
            foreach (var entry in entries)
            {
                if (entry.Change == RosterChange.Moved)
                {
                    await RosterGrain.MoveIfEnrolledAsync(GrainFactory, TenantId, entry.Invitation.EmployeeId, entry.Invitation.Department);
                }
            }

            Import.Processed += entries.Count;
            Import.Created += entries.Count(e => e.Change == RosterChange.Created);
            Import.Moved += entries.Count(e => e.Change == RosterChange.Moved);
            Import.Unchanged += entries.Count(e => e.Change == RosterChange.Unchanged);
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].Change == RosterChange.Full)
                {
                    Import.Rejected++;
                    if (Import.Errors.Count < RosterImportStatus.MaxErrorsListed)
                    {
                        Import.Errors.Add(new RosterLineError(batch[i].Line, "employeeId", "roster_full", RosterGrain.RosterFullMessage(_config!)));
                    }
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBatchFailed(logger, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A roster batch could not be written; it is retried")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster upload progress could not be stored; it is written again on the next step")]
    private static partial void LogProgressFailed(ILogger logger, Exception exception);
}
