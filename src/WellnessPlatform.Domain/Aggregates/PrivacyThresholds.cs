namespace WellnessPlatform.Domain.Aggregates;

/// <summary>
/// Smallest group a figure may describe. Participation figures (enrolled, active, sessions) need
/// <see cref="Participation"/> people; health figures (pain, screening) need the larger <see cref="Health"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("wp.PrivacyThresholds")]
public sealed record PrivacyThresholds(
    [property: Id(0)] int Participation,
    [property: Id(1)] int Health)
{
    /// <summary>No tenant may go below this, whatever it configures.</summary>
    public const int Floor = 3;

    public static PrivacyThresholds Default { get; } = new(5, 10);

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Participation < Floor || Participation > 100)
        {
            errors.Add(new FieldError("privacy.participation", "out_of_range", $"The participation threshold must be from {Floor} to 100 people."));
        }

        if (Health < Participation || Health > 100)
        {
            errors.Add(new FieldError("privacy.health", "out_of_range", "The health threshold must be at least the participation threshold and at most 100."));
        }

        return errors;
    }
}
