namespace WellnessPlatform.Host.Pages.Portal;

/// <summary>One exercise row of the log form.</summary>
public sealed class ExerciseInput
{
    public string ExerciseId { get; set; } = string.Empty;

    public bool Done { get; set; }

    public int Reps { get; set; }

    public int HoldSeconds { get; set; }

    public string? Side { get; set; }
}
