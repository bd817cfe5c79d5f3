using System.ComponentModel.DataAnnotations;

namespace WellnessPlatform.Grains.Storage;

/// <summary>
/// Section "WellnessPlatform:Tables": the Azure tables the grains write row by row (one row per person
/// or case), as opposed to Orleans' own grain-state table.
/// </summary>
public sealed class TableSettings
{
    public const string Section = "WellnessPlatform:Tables";

    /// <summary>Starts every table name, so several deployments (or test runs) can share one storage account.</summary>
    /// <remarks>Azure table names are letters and digits, starting with a letter, at most 63 long; the longest suffix is 13.</remarks>
    [Required(ErrorMessage = Section + ":Prefix is required.")]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,49}$", ErrorMessage = Section + ":Prefix must be 1–50 letters or digits starting with a letter (it starts Azure table names).")]
    public string Prefix { get; set; } = "Wellness";
}
