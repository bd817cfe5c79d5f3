using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Contracts.Isolation;
using WellnessPlatform.Contracts.Rights;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Grains.Audit;
using WellnessPlatform.Grains.Incidents;

namespace WellnessPlatform.Grains.Rights;

/// <summary>
/// The employee's rights over their data: export of everything held, and erasure. Both gather what
/// several grains and the audit table hold about one person, and both are audit-logged. The API and
/// the portal page both go through here; what a caller must type to confirm an erasure is theirs to ask.
/// </summary>
public sealed class EmployeeRights(IGrainFactory grains, AuditLog audit, TimeProvider clock)
{
    private static readonly IReadOnlyDictionary<string, string> ExportNotes = new Dictionary<string, string>
    {
        ["employee.contributorToken"] = "A random number made at enrolment. The employer's anonymous weekly counts know you only by it, to count each of your corrections once; it is stored with nothing else about you.",
        ["employee.checkIns"] = "Pain check-ins, including the scores given with sessions, oldest first.",
        ["employee.compactedWeeks"] = "Weeks older than the raw-history period, kept as weekly summaries after the single sessions and check-ins were compacted.",
        ["employee.tracks"] = "Times your exercise was treatment a clinician directed for a work-related case, rather than the wellness routine: who directed it, which case worker moved you there and back, and how many sessions were treatment. Your employer's figures never included them.",
        ["employee.notifications"] = "Your email choices: the reminder's address, local time, quiet hours and time zone, the streak nudge and the hold and clearance notices. The secret of the unsubscribe link is left out.",
        ["employee.calendarFeed"] = "Whether a calendar feed address is issued for you; the address itself is a secret and is left out (the portal shows it).",
        ["incidents"] = "Your incident reports and each case's timeline as the case workers see it.",
        ["audit"] = "Entries of the audit log that name you: who read or changed your records, and what you did.",
    };

    // The same for everyone: no per-person fact (such as whether they reported an incident) is given away.
    private static readonly IReadOnlyList<RetainedRecord> Kept =
    [
        new("anonymous counters", "The employer's weekly counts keep past participation without any identifier; the person now counts as having left this week, and weeks already released never change."),
        new("incident cases reported by the person, if any", "Work-related incident records are kept for the legal retention period; the reporter is replaced by the erasure reference, so a case no longer links to the account. Text written in a report stays as written."),
        new("audit entries", "The record of who read or changed what is kept; where an entry named the person it now names the erasure reference."),
    ];

    /// <summary>The whole export, audited as "employee.exported"; null when nothing is held about the person.</summary>
    public async Task<EmployeeDataExport?> ExportAsync(string tenant, Actor actor, string employeeId)
    {
        var employee = await Employee(tenant, employeeId).ExportAsync();
        var invitation = await Roster(tenant).GetAsync(employeeId);
        if (!employee.IsOk && invitation is null)
        {
            return null;
        }

        var incidents = new List<IncidentCase>();
        foreach (var summary in await ReporterCases.AllAsync(grains, tenant, employeeId))
        {
            if ((await Incident(tenant, summary.IncidentId).GetAsync()) is { IsOk: true, Value: { } found })
            {
                incidents.Add(found);
            }
        }

        var export = new EmployeeDataExport(EmployeeDataExport.CurrentSchemaVersion, clock.GetUtcNow(), tenant, employeeId,
            employee.Value, invitation, incidents, await audit.AboutPersonAsync(tenant, employeeId), ExportNotes);
        await audit.AppendAsync(tenant, actor, "employee.exported", employeeId, $"{incidents.Count} incident case(s) included");
        return export;
    }

    /// <summary>
    /// Erases a person through their erasure process (<see cref="IErasureGrain"/>): it is recorded first,
    /// then run here and now. Ok with the receipt; NotFound "not_enrolled" when nothing about the person
    /// is left; Conflict when a step could not finish now: the erasure stays recorded, its reminder
    /// finishes it, and repeating the request is safe.
    /// </summary>
    public async Task<Outcome<ErasureReceipt>> EraseAsync(string tenant, Actor actor, string employeeId)
    {
        var process = grains.GetGrain<IErasureGrain>(GrainKeys.Erasure(tenant, employeeId));
        var reference = await process.RequestAsync(new ErasureRequest(actor.Subject, actor.Role));
        Outcome<ErasureResult> outcome;
        try
        {
            outcome = await process.RunAsync(reference);
        }
        catch (Exception ex) when (ex is not TenantBoundaryException)
        {
            // Recorded already: a timeout or an outage only delays it.
            return Outcome<ErasureReceipt>.Conflict(ErasureGrain.PendingCode, ErasureGrain.PendingDetail(reference));
        }

        if (outcome.Value is not { } done)
        {
            return new Outcome<ErasureReceipt>(outcome.Kind, null, outcome.Errors, outcome.Code, outcome.Detail);
        }

        var removed = new List<string>();
        if (done.RoutineRemoved)
        {
            removed.Add("routine record: profile, time zone, department history, plan, screening answers and outcome, clearance, pauses, rest days, restrictions, consent, sessions, pain check-ins and compacted history");
            removed.Add("contributor token: the tenant's counters no longer know it");
            removed.Add("weekly-review reminder");
        }

        if (done.InvitationRemoved)
        {
            removed.Add("invitation");
        }

        return Outcome<ErasureReceipt>.Ok(new ErasureReceipt(done.Reference, done.ErasedAt, removed, Kept));
    }

    private IEmployeeGrain Employee(string tenant, string id) => grains.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenant, id));

    private IRosterGrain Roster(string tenant) => grains.GetGrain<IRosterGrain>(GrainKeys.Roster(tenant));

    private IIncidentGrain Incident(string tenant, string id) => grains.GetGrain<IIncidentGrain>(GrainKeys.Incident(tenant, id));
}
