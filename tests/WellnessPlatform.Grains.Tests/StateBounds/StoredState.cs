using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using WellnessPlatform.Contracts;

namespace WellnessPlatform.Grains.Tests.StateBounds;

/// <summary>Puts a grain's state in the test cluster's storage before the grain first activates.</summary>
internal static class StoredState
{
    public static Task WriteAsync<T>(ClusterFixture fixture, string grainType, string key, string stateName, T state) =>
        fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState)
            .WriteStateAsync(stateName, GrainId.Create(grainType, key), new GrainState<T>(state));
}
