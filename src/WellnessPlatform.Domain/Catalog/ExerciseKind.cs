namespace WellnessPlatform.Domain.Catalog;

/// <summary>What an exercise trains, as the source document groups them.</summary>
public enum ExerciseKind
{
    Strength,
    Flexibility,
}
