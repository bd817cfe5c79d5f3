using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Employees;

namespace WellnessPlatform.Grains.Employees;

/// <summary>The employee's rights over their data: a full export, and erasure.</summary>
public sealed partial class EmployeeGrain
{
    public Task<Outcome<EmployeeExport>> ExportAsync() => ReadAsync(() => EmployeeViews.Export(_record));

    public async Task<Outcome<EmployeeErasure>> EraseAsync()
    {
        if (!_record.Enrolled)
        {
            return Refusal.NotEnrolled.ToOutcome<EmployeeErasure>();
        }

        // A full outbox means the shard has not answered for long: erasing now would only add to it.
        if (_record.OutboxFull)
        {
            return Refusal.CountersUnreachable.ToOutcome<EmployeeErasure>();
        }

        // 1. The person leaves, as any leaver would: the correction is stored with the state before the
        // shard sees it, so a crash from here on resends it rather than losing it. If the write fails,
        // WriteAsync drops the activation: a leave that was never stored must not reach the shard. All
        // of it is offered, so the shard's one write holds every correction owed. The whole share is
        // stored with it, so a repeat on another day hands the shard the same share, not a new one.
        var today = Today;
        if (_record.ErasureShare is null)
        {
            var leave = Contribution.Leave(EmployeeProgress.Contribution(_record, EmployeeProgress.Evaluate(_record, today), today), _record.Departments[^1].Department, today);
            Delivery.Queue(leave, today);
            foreach (var (key, value) in MembershipFold.Counters(_record.FoldedDepartments))
            {
                leave[key] = leave.GetValueOrDefault(key) + value;
            }

            _record.ErasureShare = CounterRow.Pack(leave);
            _record.SentThrough = _record.LastSequence;
            await WriteAsync();
        }

        // 2. The shard applies the leave, drops the token and stores both in one write, then adds the
        // share to its departed counters; if either write fails nothing is deleted here, the outbox
        // still holds the leave and the erasure can be repeated.
        Delivery.Stop();
        var shard = Delivery.Shard();
        var share = new Dictionary<CellKey, long>();
        CounterRow.Unpack(_record.ErasureShare, share);
        try
        {
            await shard.ForgetAsync(_record.ContributorToken, [.. _record.Outbox], share);
        }
        catch
        {
            Delivery.ScheduleRetry();
            throw;
        }

        // 3. Nothing of the person stays in the case workers' queue; a failure here repeats the step.
        await Listing.RemoveAllAsync();

        // 4. No reminder row may keep naming this grain, and the state row itself is deleted
        // (DeleteStateOnClear), not blanked: its keys carry the employee id.
        await this.UnregisterReminderIfAnyAsync(ReviewReminder);
        await this.UnregisterReminderIfAnyAsync(DailyReminderName);
        await this.UnregisterReminderIfAnyAsync(StreakNudgeName);
        await this.UnregisterReminderIfAnyAsync(ReminderRetryName);

        await state.ClearStateAsync();
        _record = new EmployeeRecord();
        _progress.Forget();
        DeactivateOnIdle();
        return Outcome<EmployeeErasure>.Ok(new EmployeeErasure(today, ForgottenByShard: true));
    }
}
