using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace WellnessPlatform.Host.Hosting;

/// <summary>
/// Traces and metrics for the gateway and the silo. Export is over OTLP and only when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set, so a plain local run needs no collector.
/// </summary>
public static class TelemetryExtensions
{
    public static WebApplicationBuilder AddWellnessTelemetry(this WebApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("wellness-platform"))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation()
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.Orleans.Storage"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.Orleans"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }
}
