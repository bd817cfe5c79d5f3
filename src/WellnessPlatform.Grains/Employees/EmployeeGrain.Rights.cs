using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Aggregation;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Grains.Employees;

/// <summary>The employee's rights over their data: a full export, and erasure.</summary>
public sealed partial class EmployeeGrain
{
    // The shard confirms on its flush timer (2 s by default). Erasure waits up to 10 s: well
    // inside Orleans' 30 s response timeout, so the caller hears a clear "try again" instead of a timeout.
    private static readonly TimeSpan ErasurePoll = TimeSpan.FromMilliseconds(200);
    private const int ErasurePolls = 50;

    public Task<Outcome<EmployeeExport>> ExportAsync()
    {
        if (!S.Enrolled)
        {
            return Task.FromResult(NotEnrolled<EmployeeExport>());
        }

        return Task.FromResult(Outcome<EmployeeExport>.Ok(new EmployeeExport(
            S.TimeZone, S.EnrolledOn, [.. S.Departments], S.Plan, S.Screening, S.ScreeningOutcome, S.ScreenedAt, S.ClearedAt, S.ClearedBy,
            [.. S.Pauses], [.. S.RestDays], [.. S.RestrictedExercises], S.CaseWorkerConsent,
            [.. S.Sessions.OrderBy(s => s.Day).ThenBy(s => s.RecordedAt)], [.. PainRecords()],
            [.. S.History.Read()], [.. S.History.DaysDone(DateOnly.MinValue)], [.. S.History.PhaseChanges], S.ContributorToken)));
    }

    public async Task<Outcome<EmployeeErasure>> EraseAsync()
    {
        if (!S.Enrolled)
        {
            return NotEnrolled<EmployeeErasure>();
        }

        // 1. The person leaves, as any leaver would: the correction is stored with the state before the
        // shard sees it, so a crash from here on resends it rather than losing it.
        var today = Today;
        var open = Contribution.OpenFrom(today);
        var finalBefore = open > S.FinalBefore ? open : S.FinalBefore;
        var leaving = Contribution.Leave(CurrentContribution(Evaluate(today)), S.Departments[^1].Department, today);
        var (delta, kept) = Contribution.Diff(S.Emitted, leaving, S.FinalBefore, finalBefore);
        S.Emitted = kept;
        S.FinalBefore = finalBefore;
        if (delta.Count > 0)
        {
            S.Outbox.Add(new OutboxEntry(++S.LastSequence, delta));
        }

        await state.WriteStateAsync();

        // 2. Only a shard that has stored every correction may forget the token: after that nothing
        // could deduplicate a resend.
        StopRetry();
        var shard = GrainFactory.GetGrain<ITenantAggregateShardGrain>(GrainKeys.Shard(TenantId, GrainKeys.ShardIndex(EmployeeId, S.ShardCount)));
        try
        {
            if (!await DeliverUntilDurableAsync(shard))
            {
                // Not erased: the person stays enrolled, and their next review takes the leave back.
                ScheduleRetry();
                return Outcome<EmployeeErasure>.Conflict("shard_unavailable", "The tenant's counters did not confirm in time; nothing was erased. Try again shortly.");
            }

            await shard.ForgetAsync(S.ContributorToken);
        }
        catch
        {
            ScheduleRetry();
            throw;
        }

        // 3. No reminder row may keep naming this grain, and the state row itself is deleted
        // (DeleteStateOnClear), not blanked: its keys carry the employee id.
        if (await this.GetReminder(ReviewReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await state.ClearStateAsync();
        _lastProgress = null;
        DeactivateOnIdle();
        return Outcome<EmployeeErasure>.Ok(new EmployeeErasure(today, ForgottenByShard: true));
    }

    private async Task<bool> DeliverUntilDurableAsync(ITenantAggregateShardGrain shard)
    {
        for (var poll = 0; poll < ErasurePolls; poll++)
        {
            var durable = await shard.ApplyAsync(S.ContributorToken, [.. S.Outbox]);
            S.Outbox.RemoveAll(e => e.Sequence <= durable);
            if (S.Outbox.Count == 0)
            {
                return true;
            }

            await Task.Delay(ErasurePoll);
        }

        return false;
    }
}
