using Microsoft.Extensions.Options;

namespace WellnessPlatform.Host.Hosting;

/// <summary>
/// The console exporter writes every log and span to stdout; outside Development that would be a
/// setting that silently does nothing, so it stops the host instead.
/// </summary>
public sealed class TelemetrySettingsValidator(IHostEnvironment environment) : IValidateOptions<TelemetrySettings>
{
    public ValidateOptionsResult Validate(string? name, TelemetrySettings options) =>
        options.Console && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail($"{TelemetrySettings.Section}:Console applies in Development only; export with OTEL_EXPORTER_OTLP_ENDPOINT instead.")
            : ValidateOptionsResult.Success;
}
