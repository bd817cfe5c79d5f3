namespace WellnessPlatform.Grains.Audit;

/// <summary>How an audited change ended, as its row says.</summary>
public static class AuditOutcome
{
    public const string Pending = "pending";
    public const string Done = "done";

    /// <summary>The call failed without an answer (a timeout, an outage): it may or may not have happened.</summary>
    public const string Unknown = "unknown";

    public static string Refused(string? code) => $"refused: {code ?? "refused"}";
}
