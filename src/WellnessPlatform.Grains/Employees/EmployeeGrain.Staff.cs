using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Employees;

namespace WellnessPlatform.Grains.Employees;

/// <summary>
/// What others do to a person's record: a case worker's clearance, restrictions, care track and (with consent) the
/// pain trend; a tenant admin's history import and department move; the tenant's reconciliation.
/// </summary>
public sealed partial class EmployeeGrain
{
    public Task<Outcome<EmployeeStatus>> RecordClearanceAsync(string clearedBy) =>
        WithCareNoticeAsync(() => DecideAsync(r => r.RecordClearance(clearedBy, Now)));

    public Task<Outcome<EmployeeStatus>> SetRestrictionsAsync(IReadOnlyList<string> exerciseIds) => DecideAsync(r => r.SetRestrictions(exerciseIds));

    public Task<Outcome<EmployeeStatus>> MoveToTherapeuticTrackAsync(TherapeuticMove move) =>
        DecideAsync(r => r.MoveToTherapeutic(move.IncidentId, move.DirectedBy, move.MovedBy, Now));

    public Task<Outcome<EmployeeStatus>> ReturnToWellnessTrackAsync(string endedBy, string? forIncident = null) =>
        DecideAsync(r => r.ReturnToWellness(endedBy, Now, forIncident));

    public async Task<Outcome<EmployeeStatus>> ImportHistoryAsync(ImportedHistory history)
    {
        var config = _record.Enrolled ? null : await Tenant.GetConfigAsync();
        var import = new HistoryImport(history.EnrolledOn, ToProfile(history.Enrolment), history.Screening, history.Sessions, history.CheckIns);
        return await RunAsync(_record.Import(import, config, Now), _ => Status());
    }

    public async Task<Outcome<EmployeeStatus>> MoveToDepartmentAsync(string department)
    {
        if (!_record.Enrolled)
        {
            return Refusal.NotEnrolled.ToOutcome<EmployeeStatus>();
        }

        var config = await Tenant.GetConfigAsync();
        var released = _record.NeedsReleasedWeek(department, Now) ? await Tenant.GetReleasedThroughAsync() : null;
        return await RunAsync(_record.Move(department, config, released, Now), _ => Status());
    }

    public async Task<ContributionSnapshot> ReconcileAsync()
    {
        if (!_record.Enrolled)
        {
            return new ContributionSnapshot(false, new Dictionary<CellKey, long>(), 0);
        }

        await CommitAsync(force: false);
        return new ContributionSnapshot(true, EmployeeProgress.WholeShare(_record, EmployeeProgress.Evaluate(_record, Today), Today), _record.Outbox.Count);
    }

    public Task<Outcome<PainTrendView>> GetConsentedPainTrendAsync() => Task.FromResult(
        !_record.Enrolled ? Refusal.NotEnrolled.ToOutcome<PainTrendView>()
        : !_record.CaseWorkerConsent ? Refusal.Conflict("no_consent", "This employee has not consented to share their pain trend with case workers.").ToOutcome<PainTrendView>()
        : Outcome<PainTrendView>.Ok(EmployeeViews.PainTrend(_record, Today)));
}
