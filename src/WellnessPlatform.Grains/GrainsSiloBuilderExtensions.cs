using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WellnessPlatform.Grains.Isolation;

namespace WellnessPlatform.Grains;

/// <summary>What every silo hosting these grains needs, whatever its storage.</summary>
public static class GrainsSiloBuilderExtensions
{
    public static ISiloBuilder AddWellnessGrains(this ISiloBuilder silo, IConfiguration? configuration = null)
    {
        silo.AddIncomingGrainCallFilter<TenantBoundaryFilter>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        var options = silo.Services.AddOptions<WellnessGrainOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(WellnessGrainOptions.Section));
        }

        return silo;
    }
}
