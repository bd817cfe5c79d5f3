using YamlDotNet.RepresentationModel;

namespace WellnessPlatform.Deploy.Tests;

/// <summary>Parses deploy/compose.yaml (anchors resolved) and checks it runs Azurite and three clustered silos.</summary>
public sealed class ComposeTests
{
    private static readonly YamlMappingNode Compose = Assert.Single(Yaml.Documents(Yaml.Repo("deploy", "compose.yaml")));

    [Fact]
    public void Azurite_and_three_silos_built_from_the_dockerfile()
    {
        var services = (YamlMappingNode)Compose.At("services")!;
        Assert.Contains("azurite", services.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        var silos = services.Children.Where(kv => ((YamlScalarNode)kv.Key).Value!.StartsWith("silo-", StringComparison.Ordinal)).Select(kv => kv.Value).ToList();
        Assert.Equal(3, silos.Count);
        Assert.All(silos, silo => Assert.Equal("deploy/Dockerfile", silo.Text("build", "dockerfile")));
        Assert.True(File.Exists(Yaml.Repo("deploy", "Dockerfile")));
        Assert.Contains("src/WellnessPlatform.Host", File.ReadAllText(Yaml.Repo("deploy", "Dockerfile")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_silos_share_one_cluster_on_azurite_each_at_its_own_address()
    {
        var services = (YamlMappingNode)Compose.At("services")!;
        var silos = services.Children.Where(kv => ((YamlScalarNode)kv.Key).Value!.StartsWith("silo-", StringComparison.Ordinal)).Select(kv => kv.Value).ToList();
        var envs = silos.Select(s => s.Map("environment")).ToList();
        Assert.All(envs, e => Assert.Contains("TableEndpoint=http://azurite:10002", e["ConnectionStrings__Tables"], StringComparison.Ordinal));
        Assert.Single(envs.Select(e => e["WellnessPlatform__Cluster__ClusterId"]).Distinct());
        var addresses = silos.Select(s => s.Text("networks", "cluster", "ipv4_address")).ToList();
        Assert.Equal(3, addresses.Distinct().Count());
        Assert.Equal(addresses, envs.Select(e => e["WellnessPlatform__Cluster__AdvertisedAddress"]));
        Assert.All(silos, s => Assert.NotNull(s.At("depends_on", "azurite")));
    }
}
