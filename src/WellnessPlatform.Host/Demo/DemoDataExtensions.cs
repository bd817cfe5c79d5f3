using WellnessPlatform.Host.Hosting;

namespace WellnessPlatform.Host.Demo;

public static class DemoDataExtensions
{
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        builder.AddSettings<DemoSettings>(DemoSettings.Section);
        builder.Services.AddHostedService<DemoSeeder>();

        return builder;
    }
}
