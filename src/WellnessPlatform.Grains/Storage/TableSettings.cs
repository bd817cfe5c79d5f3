namespace WellnessPlatform.Grains.Storage;

/// <summary>
/// Section "WellnessPlatform:Tables": the Azure tables the grains write row by row (one row per person
/// or case), as opposed to Orleans' own grain-state table.
/// </summary>
public sealed class TableSettings
{
    public const string Section = "WellnessPlatform:Tables";

    /// <summary>Starts every table name, so several deployments (or test runs) can share one storage account.</summary>
    public string Prefix { get; set; } = "Wellness";
}
