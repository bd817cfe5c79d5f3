using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Aggregates;

namespace WellnessPlatform.Grains.Employees;

/// <summary>The employee's rights over their data: a full export, and erasure.</summary>
public sealed partial class EmployeeGrain
{
    public Task<Outcome<EmployeeExport>> ExportAsync()
    {
        if (!Stored.Enrolled)
        {
            return Task.FromResult(NotEnrolled<EmployeeExport>());
        }

        return Task.FromResult(Outcome<EmployeeExport>.Ok(new EmployeeExport(
            Stored.TimeZone, Stored.EnrolledOn, [.. Stored.Departments], Stored.Plan, Stored.Screening, Stored.ScreeningOutcome, Stored.ScreenedAt, Stored.ClearedAt, Stored.ClearedBy,
            [.. Stored.Pauses], [.. Stored.RestDays], [.. Stored.RestrictedExercises], Stored.CaseWorkerConsent,
            [.. Stored.Sessions.OrderBy(s => s.Day).ThenBy(s => s.RecordedAt)], [.. EmployeeViews.PainRecords(Stored)],
            [.. Stored.History.Read()], [.. Stored.History.DaysDone(DateOnly.MinValue)], [.. Stored.History.PhaseChanges], Stored.ContributorToken,
            [.. Stored.FoldedDepartments])));
    }

    public async Task<Outcome<EmployeeErasure>> EraseAsync()
    {
        if (!Stored.Enrolled)
        {
            return NotEnrolled<EmployeeErasure>();
        }

        // A full outbox means the shard has not answered for long: erasing now would only add to it.
        if (Outbox.IsFull(Stored))
        {
            return EmployeeCommands.CountersUnreachable<EmployeeErasure>();
        }

        // 1. The person leaves, as any leaver would: the correction is stored with the state before the
        // shard sees it, so a crash from here on resends it rather than losing it. If the write fails,
        // WriteAsync drops the activation: a leave that was never stored must not reach the shard. All
        // of it is offered, so the shard's one write holds every correction owed. The whole share is
        // stored with it, so a repeat on another day hands the shard the same share, not a new one.
        var today = Today;
        if (Stored.ErasureShare is null)
        {
            var leave = Contribution.Leave(EmployeeProgress.Contribution(Stored, Evaluate(today)), Stored.Departments[^1].Department, today);
            Delivery.Queue(leave, today);
            foreach (var (key, value) in MembershipFold.Counters(Stored.FoldedDepartments))
            {
                leave[key] = leave.GetValueOrDefault(key) + value;
            }

            Stored.ErasureShare = CounterRow.Pack(leave);
            Stored.SentThrough = Stored.LastSequence;
            await WriteAsync();
        }

        // 2. The shard applies the leave, drops the token and stores both in one write, then adds the
        // share to its departed counters; if either write fails nothing is deleted here, the outbox
        // still holds the leave and the erasure can be repeated.
        Delivery.Stop();
        var shard = Delivery.Shard();
        var share = new Dictionary<CellKey, long>();
        CounterRow.Unpack(Stored.ErasureShare, share);
        try
        {
            await shard.ForgetAsync(Stored.ContributorToken, [.. Stored.Outbox], share);
        }
        catch
        {
            Delivery.ScheduleRetry();
            throw;
        }

        // 3. No reminder row may keep naming this grain, and the state row itself is deleted
        // (DeleteStateOnClear), not blanked: its keys carry the employee id.
        await this.UnregisterReminderIfAnyAsync(ReviewReminder);

        await state.ClearStateAsync();
        _progress.Forget();
        DeactivateOnIdle();
        return Outcome<EmployeeErasure>.Ok(new EmployeeErasure(today, ForgottenByShard: true));
    }
}
