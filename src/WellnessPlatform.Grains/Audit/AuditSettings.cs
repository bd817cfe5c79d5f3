namespace WellnessPlatform.Grains.Audit;

/// <summary>Section "WellnessPlatform:Audit".</summary>
public sealed class AuditSettings
{
    public const string Section = "WellnessPlatform:Audit";

    public string TableName { get; set; } = "WellnessAudit";
}
