using WellnessPlatform.Host.Api;
using WellnessPlatform.Host.Demo;
using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Hosting;

/// <summary>
/// The whole platform in one process: the silo and the gateway with everything around them. Program.cs
/// runs exactly this, and so does the scale benchmark, so the benchmark measures what production runs.
/// </summary>
public static class PlatformComposition
{
    public static WebApplicationBuilder AddWellnessPlatform(this WebApplicationBuilder builder)
    {
        builder.AddWellnessSilo();
        builder.AddWellnessTelemetry();
        builder.AddWellnessHealth();
        builder.AddWellnessGateway();
        builder.AddWellnessAuth();
        builder.AddDevSignIn();
        builder.AddWellnessRateLimiting();
        builder.AddDemoData();
        return builder;
    }

    public static WebApplication UseWellnessPlatform(this WebApplication app)
    {
        app.UseWellnessGateway();
        app.MapWellnessHealth();
        app.MapWellnessApi();
        return app;
    }
}
