using WellnessPlatform.Domain.Catalog;

namespace WellnessPlatform.Host.Api.Responses;

/// <summary>Catalog entries to their API form.</summary>
internal static class CatalogMapping
{
    public static ExerciseResponse ToResponse(this Exercise e) => new(
        e.Id, e.Name, WireEnum.Name(e.Kind), e.Targets, e.Prescription?.ToResponse(), e.Steps, e.Cues, e.Contraindicated, e.SaferAlternativeId);

    public static IReadOnlyList<ExerciseResponse> ToResponses(this IEnumerable<Exercise> exercises) => [.. exercises.Select(ToResponse)];

    private static PrescriptionResponse ToResponse(this Prescription p) => new(
        p.MinReps, p.MaxReps, p.MinHoldSeconds, p.MaxHoldSeconds, p.PerSide, p.Summary, p.LogMaxReps, p.LogMaxHoldSeconds);
}
