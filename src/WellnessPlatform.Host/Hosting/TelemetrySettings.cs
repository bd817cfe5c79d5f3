namespace WellnessPlatform.Host.Hosting;

/// <summary>Section "WellnessPlatform:Telemetry". Exporters otherwise follow the standard OTEL_* variables.</summary>
public sealed class TelemetrySettings
{
    public const string Section = "WellnessPlatform:Telemetry";

    /// <summary>Also write traces, metrics and logs to the console (Development only; <see cref="TelemetrySettingsValidator"/>).</summary>
    public bool Console { get; set; }
}
