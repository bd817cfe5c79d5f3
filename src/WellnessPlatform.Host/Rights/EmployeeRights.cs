using System.Security.Claims;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Host.Audit;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Rights;

/// <summary>
/// The employee's rights over their data: export of everything held, and erasure. Both gather what
/// several grains and the audit table hold about one person, and both are audit-logged. The API and
/// the portal page both go through here.
/// </summary>
public sealed class EmployeeRights(IGrainFactory grains, AuditLog audit, TimeProvider clock)
{
    /// <summary>What the caller must send as "confirm" for an erasure to start: it cannot be undone.</summary>
    public const string Confirmation = "erase-my-data";

    private static readonly IReadOnlyDictionary<string, string> ExportNotes = new Dictionary<string, string>
    {
        ["employee.contributorToken"] = "A random number made at enrolment. The employer's anonymous weekly counts know you only by it, to count each of your corrections once; it is stored with nothing else about you.",
        ["employee.checkIns"] = "Pain check-ins, including the scores given with sessions, oldest first.",
        ["employee.compactedWeeks"] = "Weeks older than the raw-history period, kept as weekly summaries after the single sessions and check-ins were compacted.",
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
    public async Task<EmployeeDataExport?> ExportAsync(string tenant, ClaimsPrincipal caller, string employeeId)
    {
        var employee = await Employee(tenant, employeeId).ExportAsync();
        var invitation = await Roster(tenant).GetAsync(employeeId);
        if (!employee.IsOk && invitation is null)
        {
            return null;
        }

        var incidents = new List<IncidentCase>();
        foreach (var summary in await CasesOfAsync(tenant, employeeId))
        {
            if ((await Incident(tenant, summary.IncidentId).GetAsync()) is { IsOk: true, Value: { } found })
            {
                incidents.Add(found);
            }
        }

        var export = new EmployeeDataExport(EmployeeDataExport.CurrentSchemaVersion, clock.GetUtcNow(), tenant, employeeId,
            employee.Value, invitation, incidents, await audit.AboutPersonAsync(tenant, employeeId), ExportNotes);
        await audit.AppendAsync(tenant, caller, "employee.exported", employeeId, $"{incidents.Count} incident case(s) included");
        return export;
    }

    /// <summary>
    /// Erases a person: routine record and contributor token first (the only step that can refuse, and
    /// it deletes nothing until the counters are safe), then the invitation, then their incident cases
    /// and audit entries are disconnected through a fresh erasure reference. Every step is idempotent, so
    /// a failed erasure is simply repeated. NotFound "not_enrolled" when nothing about the person is left.
    /// </summary>
    public async Task<Outcome<ErasureReceipt>> EraseAsync(string tenant, ClaimsPrincipal caller, string employeeId)
    {
        var erasure = await Employee(tenant, employeeId).EraseAsync();
        if (erasure.Kind == OutcomeKind.Conflict)
        {
            return Outcome<ErasureReceipt>.Conflict(erasure.Code!, erasure.Detail!);
        }

        // Random, so nothing kept can be traced back to the id; the person learns it from the receipt.
        var reference = "erased-" + Guid.NewGuid().ToString("N");
        var removed = new List<string>();
        if (erasure.IsOk)
        {
            removed.Add("routine record: profile, time zone, department history, plan, screening answers and outcome, clearance, pauses, rest days, restrictions, consent, sessions, pain check-ins and compacted history");
            removed.Add("contributor token: the tenant's counters no longer know it");
            removed.Add("weekly-review reminder");
        }

        if (await Roster(tenant).RemoveAsync(employeeId))
        {
            removed.Add("invitation");
        }

        var disconnected = 0;
        foreach (var summary in await CasesOfAsync(tenant, employeeId))
        {
            if ((await Incident(tenant, summary.IncidentId).DisconnectReporterAsync(employeeId, reference)).IsOk)
            {
                disconnected++;
            }
        }

        var pseudonymized = await audit.PseudonymizeAsync(tenant, employeeId, reference);
        if (!erasure.IsOk && removed.Count == 0 && disconnected == 0 && pseudonymized == 0)
        {
            return Outcome<ErasureReceipt>.NotFound("not_enrolled", "Nothing is held about this person: they are not enrolled, or were erased already.");
        }

        // The erasure's own entry names only the reference: a person erasing themselves is their own actor.
        var self = caller.Subject() == employeeId;
        var now = clock.GetUtcNow();
        await audit.AppendAsync(tenant, new AuditEntry(now, self ? reference : caller.Subject(), caller.MainRole(), "employee.erased", reference,
            self ? "requested by the employee" : "requested through a tenant admin"));
        return Outcome<ErasureReceipt>.Ok(new ErasureReceipt(reference, now, removed, Kept));
    }

    private IEmployeeGrain Employee(string tenant, string id) => grains.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenant, id));

    private IRosterGrain Roster(string tenant) => grains.GetGrain<IRosterGrain>(GrainKeys.Roster(tenant));

    /// <summary>
    /// Every case the person reported, all pages read before any is changed: erasure rewrites the reporter
    /// on the very rows the query filters on.
    /// </summary>
    private async Task<List<IncidentSummary>> CasesOfAsync(string tenant, string employeeId)
    {
        var index = grains.GetGrain<IIncidentIndexGrain>(GrainKeys.IncidentIndex(tenant));
        var cases = new List<IncidentSummary>();
        string? token = null;
        do
        {
            var page = await index.QueryAsync(new IncidentQueueQuery(EmployeeId: employeeId, PageSize: IncidentQueueQuery.MaxPageSize, ContinuationToken: token));
            cases.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return cases;
    }

    private IIncidentGrain Incident(string tenant, string id) => grains.GetGrain<IIncidentGrain>(GrainKeys.Incident(tenant, id));
}
