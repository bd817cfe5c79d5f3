using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace WellnessPlatform.Host.Hosting;

/// <summary>
/// Traces, metrics and logs for the gateway and the silo: one trace per request, from the HTTP span
/// through the grain calls to the Azure Table calls. Export follows the standard OTEL_* variables (OTLP
/// when OTEL_EXPORTER_OTLP_ENDPOINT is set); the console exporter can be asked for in Development.
/// </summary>
public static class TelemetryExtensions
{
    public const string ServiceName = "wellness-platform";

    public static WebApplicationBuilder AddWellnessTelemetry(this WebApplicationBuilder builder)
    {
        // The Azure SDK emits a span per storage call only when asked.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        builder.AddSettings<TelemetrySettings>(TelemetrySettings.Section);
        builder.Services.AddSingleton<IValidateOptions<TelemetrySettings>, TelemetrySettingsValidator>();

        // Exporters are chosen while services are registered, before options exist; the validator
        // stops the host if this switch is set where it does not apply.
        var console = builder.Configuration.GetValue<bool>($"{TelemetrySettings.Section}:{nameof(TelemetrySettings.Console)}") && builder.Environment.IsDevelopment();

        builder.Logging.AddOpenTelemetry(o =>
        {
            // Templates and structured values only: formatted messages and scopes could carry paths.
            o.IncludeFormattedMessage = false;
            o.IncludeScopes = false;
            if (console)
            {
                o.AddConsoleExporter();
            }
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.Orleans.Storage", "Azure.*")
                    .AddProcessor(new PersonalDataScrubber());
                if (console)
                {
                    t.AddConsoleExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.Orleans", GatewayMetrics.MeterName);
                if (console)
                {
                    m.AddConsoleExporter();
                }
            });
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }
}
