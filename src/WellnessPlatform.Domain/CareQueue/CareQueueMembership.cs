using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Plans;

namespace WellnessPlatform.Domain.CareQueue;

/// <summary>
/// Which queue entries a person belongs under: held at screening means awaiting clearance; rising pain
/// is listed only while the person consents to share it with case workers. Nothing once an erasure began.
/// </summary>
public static class CareQueueMembership
{
    /// <summary>Both kinds a person can be listed under, in the order they are synced.</summary>
    public static readonly IReadOnlyList<(CareQueueMarks Mark, CareQueueKind Kind)> PersonKinds =
        [(CareQueueMarks.AwaitingClearance, CareQueueKind.AwaitingClearance), (CareQueueMarks.PainRising, CareQueueKind.PainRising)];

    public static CareQueueMarks Of(EmployeeRecord record, ProgressReport report)
    {
        if (!record.Enrolled || record.ErasureShare is not null)
        {
            return CareQueueMarks.None;
        }

        var marks = record.OnHold ? CareQueueMarks.AwaitingClearance : CareQueueMarks.None;
        return record.CaseWorkerConsent && report.PainRising ? marks | CareQueueMarks.PainRising : marks;
    }

    /// <summary>
    /// The day an entry dates from: the open hold's first day, or the latest pain score's day. A held
    /// person's entry carries nothing else about their health.
    /// </summary>
    public static DateOnly? Since(EmployeeRecord record, CareQueueKind kind) => kind switch
    {
        CareQueueKind.AwaitingClearance => record.Pauses.LastOrDefault(p => p.Kind == PauseKind.ScreeningHold && p.Until is null)?.From,
        CareQueueKind.PainRising => PainLog.Points(PainLog.Merge(record.Sessions, record.CheckIns)).Select(p => (DateOnly?)p.Day).Max(),
        _ => null,
    };
}
