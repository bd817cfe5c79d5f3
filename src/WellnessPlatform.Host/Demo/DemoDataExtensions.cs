namespace WellnessPlatform.Host.Demo;

public static class DemoDataExtensions
{
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(DemoSettings.Section).Get<DemoSettings>() ?? new DemoSettings();
        if (settings.Seed)
        {
            builder.Services.AddSingleton(settings);
            builder.Services.AddHostedService<DemoSeeder>();
        }

        return builder;
    }
}
