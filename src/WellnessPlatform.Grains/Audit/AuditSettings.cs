using System.ComponentModel.DataAnnotations;

namespace WellnessPlatform.Grains.Audit;

/// <summary>Section "WellnessPlatform:Audit".</summary>
public sealed class AuditSettings
{
    public const string Section = "WellnessPlatform:Audit";

    [Required(ErrorMessage = Section + ":TableName is required.")]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = Section + ":TableName must be an Azure table name: 3–63 letters or digits starting with a letter.")]
    public string TableName { get; set; } = "WellnessAudit";
}
