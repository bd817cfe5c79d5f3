using System.Globalization;
using WellnessPlatform.Domain.CareQueue;

namespace WellnessPlatform.Host.CaseWork;

/// <summary>What the work queue's page calls each kind and each entry's day, in words a case worker uses.</summary>
public static class CareQueueLabels
{
    public static string Of(CareQueueKind kind) => kind switch
    {
        CareQueueKind.AwaitingClearance => "Awaiting clearance",
        CareQueueKind.PainRising => "Pain rising",
        CareQueueKind.Form301Due => "Form 301 due",
        CareQueueKind.RestrictedDuty => "Restricted duty",
        CareQueueKind.NewIncident => "New incident",
        _ => "Other",
    };

    /// <summary>The entry's day as a phrase: "since 2026-11-28", "until …", "due …".</summary>
    public static string Day(CareQueueKind kind, DateOnly? day)
    {
        var text = day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (kind, text) switch
        {
            (CareQueueKind.RestrictedDuty, null) => "Restricted duty, no end date set",
            (_, null) => string.Empty,
            (CareQueueKind.AwaitingClearance, _) => $"Awaiting clearance since {text}",
            (CareQueueKind.PainRising, _) => $"Latest raised score on {text}",
            (CareQueueKind.Form301Due, _) => $"Form 301 due {text}",
            (CareQueueKind.RestrictedDuty, _) => $"Restricted duty until {text}",
            _ => $"Reported {text}",
        };
    }
}
