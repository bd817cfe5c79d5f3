using System.ComponentModel.DataAnnotations;

namespace WellnessPlatform.Host.Hosting;

/// <summary>
/// How long anything waits for storage (section "WellnessPlatform:Storage"). Storage that slows down
/// or stops answering without closing its connection must not hold a request: each Azure SDK call gives
/// up after <see cref="NetworkTimeout"/> and retries at most <see cref="MaxRetries"/> times, and a grain
/// call gives up after <see cref="GrainCallTimeout"/>, and whatever a request still waits for at
/// <see cref="RequestDeadline"/> is abandoned (<see cref="RequestDeadlineFilter"/>), so every request
/// answers within it with its result or a 503 that says retrying is safe.
/// </summary>
public sealed class StorageTimeoutSettings : IValidatableObject
{
    public const string Section = "WellnessPlatform:Storage";

    /// <summary>
    /// When the gateway stops waiting and answers 503. The promise to callers is an answer within 5 s;
    /// the default leaves a second of that for the answer to travel on a loaded machine.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = Section + ":RequestDeadline must be between 00:00:01 and 00:01:00.")]
    public TimeSpan RequestDeadline { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>One network operation against Azure Table storage (the SDK's default is 100 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00", ErrorMessage = Section + ":NetworkTimeout must be between 00:00:00.1 and 00:01:00.")]
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Retries of one storage operation after the first try (the SDK's default is 3).</summary>
    [Range(0, 5, ErrorMessage = Section + ":MaxRetries must be between {1} and {2}.")]
    public int MaxRetries { get; set; } = 1;

    /// <summary>A gateway's wait for a grain (Orleans' default is 30 s); kept under the request deadline.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00", ErrorMessage = Section + ":GrainCallTimeout must be between 00:00:00.1 and 00:01:00.")]
    public TimeSpan GrainCallTimeout { get; set; } = TimeSpan.FromSeconds(3.5);

    /// <summary>A wait longer than the deadline would never end in its own error, only in the deadline's 503.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (GrainCallTimeout >= RequestDeadline)
        {
            yield return new ValidationResult($"{Section}:GrainCallTimeout must be less than {Section}:RequestDeadline.", [nameof(GrainCallTimeout)]);
        }

        if (NetworkTimeout >= RequestDeadline)
        {
            yield return new ValidationResult($"{Section}:NetworkTimeout must be less than {Section}:RequestDeadline.", [nameof(NetworkTimeout)]);
        }
    }
}
