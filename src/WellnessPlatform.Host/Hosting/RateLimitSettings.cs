using System.ComponentModel.DataAnnotations;

namespace WellnessPlatform.Host.Hosting;

/// <summary>Per-caller request budget (section "WellnessPlatform:RateLimit").</summary>
public sealed class RateLimitSettings
{
    public const string Section = "WellnessPlatform:RateLimit";

    /// <summary>Requests one caller (a signed-in person, else an IP address) may make per minute.</summary>
    [Range(1, int.MaxValue, ErrorMessage = Section + ":PermitsPerMinute must be at least {1}.")]
    public int PermitsPerMinute { get; set; } = 600;
}
