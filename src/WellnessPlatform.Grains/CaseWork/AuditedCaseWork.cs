using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.CareQueue;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Incidents;
using WellnessPlatform.Domain.CareQueue;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Grains.Audit;

namespace WellnessPlatform.Grains.CaseWork;

/// <summary>
/// Reads and changes of incident and consented health data (and the care track), each paired with its audit entry. The API
/// and the web pages both go through here, so neither can forget the audit log. A change is logged
/// before it is made and settled after, so no change can happen unaudited; a read is logged after it
/// succeeds, and is not returned if it cannot be logged.
/// </summary>
public sealed partial class AuditedCaseWork(IGrainFactory grains, AuditLog audit, ILogger<AuditedCaseWork> logger)
{
    /// <summary>The same person and client id always name the same case, so a retried report files once.</summary>
    public static string IncidentId(string employeeId, string clientReportId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{employeeId}\n{clientReportId}")))[..24];

    public async Task<Outcome<IncidentCase>> ReportAsync(string tenant, Actor actor, string clientReportId, IncidentReport report)
    {
        var id = IncidentId(actor.Subject, clientReportId);
        return await Changed(tenant, actor, "incident.reported", id, () => Incident(tenant, id).ReportAsync(actor.Subject, report));
    }

    public Task<Outcome<IncidentCase>> ReadCaseAsync(string tenant, Actor actor, string incidentId) =>
        Audited(tenant, actor, "incident.read", incidentId, Incident(tenant, incidentId).GetAsync());

    public Task<Outcome<IncidentCase>> TransitionAsync(string tenant, Actor actor, string incidentId, IncidentStatus to, string? note, DateOnly? until = null) =>
        Changed(tenant, actor, "incident.transition", incidentId, () => Incident(tenant, incidentId).TransitionAsync(to, actor.Subject, note, until),
            until is { } day ? $"{to} until {day:yyyy-MM-dd}" : to.ToString());

    /// <summary>One page of the queue (or of one person's cases, with an employee id); each page read is audited.</summary>
    public async Task<IncidentQueuePage> ReadQueueAsync(string tenant, Actor actor, IncidentQueueQuery query)
    {
        var page = await grains.GetGrain<IIncidentIndexGrain>(GrainKeys.IncidentIndex(tenant)).QueryAsync(query);
        await audit.AppendAsync(tenant, actor, query.EmployeeId is null ? "incident.queue.read" : "incident.list.own", query.EmployeeId ?? "queue",
            $"{page.Items.Count} case(s){(query.ContinuationToken is null ? string.Empty : ", a later page")}");
        return page;
    }

    /// <summary>A page of one kind of the work queue with the counts of every kind; each page read is audited.</summary>
    public async Task<(CareQueuePage Page, IReadOnlyDictionary<CareQueueKind, int> Counts)> ReadWorkQueueAsync(string tenant, Actor actor, CareQueueQuery query)
    {
        var queue = grains.GetGrain<ICareQueueGrain>(GrainKeys.CareQueue(tenant));
        var counts = queue.CountsAsync();
        var page = await queue.QueryAsync(query);
        await audit.AppendAsync(tenant, actor, "care-queue.read", "queue",
            $"{page.Items.Count} {query.Kind} entr{(page.Items.Count == 1 ? "y" : "ies")}{(query.ContinuationToken is null ? string.Empty : ", a later page")}");
        return (page, await counts);
    }

    public Task<Outcome<EmployeeStatus>> ClearAsync(string tenant, Actor actor, string employeeId, string? note) =>
        Changed(tenant, actor, "clearance.recorded", employeeId, () => Employee(tenant, employeeId).RecordClearanceAsync(actor.Subject), note);

    public Task<Outcome<EmployeeStatus>> RestrictAsync(string tenant, Actor actor, string employeeId, IReadOnlyList<string> exerciseIds) =>
        Changed(tenant, actor, "restrictions.set", employeeId, () => Employee(tenant, employeeId).SetRestrictionsAsync(exerciseIds), string.Join(",", exerciseIds));

    /// <summary>
    /// Moves a person to the clinician-directed track for one of their own open cases: the case is read
    /// first, so a person without a work-related case (or with it closed) is refused and nothing changes.
    /// </summary>
    public Task<Outcome<EmployeeStatus>> MoveToTherapeuticAsync(string tenant, Actor actor, string employeeId, string incidentId, string directedBy) =>
        Changed(tenant, actor, "track.therapeutic", employeeId, async () =>
        {
            var found = await Incident(tenant, incidentId).GetAsync();
            return found.Value is { } c && c.EmployeeId == employeeId && c.Status != IncidentStatus.Closed
                ? await Employee(tenant, employeeId).MoveToTherapeuticTrackAsync(new TherapeuticMove(incidentId, directedBy, actor.Subject))
                : Outcome<EmployeeStatus>.Conflict("no_work_related_case",
                    "The clinician-directed track needs an open work-related case reported by this person; name one of their open cases.");
        }, $"case {incidentId}, directed by {directedBy}");

    public Task<Outcome<EmployeeStatus>> ReturnToWellnessAsync(string tenant, Actor actor, string employeeId) =>
        Changed(tenant, actor, "track.wellness", employeeId, () => Employee(tenant, employeeId).ReturnToWellnessTrackAsync(actor.Subject));

    public Task<Outcome<PainTrendView>> ReadPainTrendAsync(string tenant, Actor actor, string employeeId) =>
        Audited(tenant, actor, "pain-trend.read", employeeId, Employee(tenant, employeeId).GetConsentedPainTrendAsync());

    public Task<Outcome<EmployeeStatus>> SetConsentAsync(string tenant, Actor actor, string employeeId, bool granted) =>
        Changed(tenant, actor, granted ? "consent.granted" : "consent.revoked", employeeId, () => Employee(tenant, employeeId).SetCaseWorkerConsentAsync(granted));

    private IIncidentGrain Incident(string tenant, string id) => grains.GetGrain<IIncidentGrain>(GrainKeys.Incident(tenant, id));

    private IEmployeeGrain Employee(string tenant, string id) => grains.GetGrain<IEmployeeGrain>(GrainKeys.Employee(tenant, id));

    // Logged first, then made, then settled: if the log cannot be written the change is not attempted.
    private async Task<Outcome<T>> Changed<T>(string tenant, Actor actor, string action, string subject, Func<Task<Outcome<T>>> change, string? detail = null)
    {
        var row = await audit.BeginAsync(tenant, actor, action, subject, detail);
        Outcome<T> outcome;
        try
        {
            outcome = await change();
        }
        catch
        {
            await SettleAsync(tenant, row, AuditOutcome.Unknown);
            throw;
        }

        await SettleAsync(tenant, row, outcome.IsOk ? AuditOutcome.Done : AuditOutcome.Refused(outcome.Code));
        return outcome;
    }

    // A row that cannot be settled stays "pending", which says truthfully that the outcome is not known here.
    private async Task SettleAsync(string tenant, string row, string outcome)
    {
        try
        {
            await audit.SettleAsync(tenant, row, outcome);
        }
        catch (Exception ex)
        {
            LogSettleFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An audit row could not be settled; it stays pending")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception);

    // Reads are logged once they succeed: a refused call read nothing.
    private async Task<Outcome<T>> Audited<T>(string tenant, Actor actor, string action, string subject, Task<Outcome<T>> call, string? detail = null)
    {
        var outcome = await call;
        if (outcome.IsOk)
        {
            await audit.AppendAsync(tenant, actor, action, subject, detail);
        }

        return outcome;
    }
}
