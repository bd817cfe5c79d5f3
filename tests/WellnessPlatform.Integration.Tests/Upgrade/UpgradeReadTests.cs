using System.Text.Json.Nodes;

namespace WellnessPlatform.Integration.Tests.Upgrade;

/// <summary>
/// The current platform started over the table service version 1 left behind (a copy of its Azurite
/// database) answers every read of the demo tenant as version 1 answered it: the stored grain states,
/// the roster, incident and released-week rows and the audit log all read back unchanged.
/// </summary>
[Collection(AzuriteCollection.Name)] // its own Azurite, but run in turn with the suites that time storage
public sealed class UpgradeReadTests
{
    [Fact]
    public async Task The_demo_tenant_version_1_wrote_reads_back_unchanged()
    {
        var recorded = JsonNode.Parse(await File.ReadAllTextAsync(UpgradeSnapshot.ApiFile(UpgradeSnapshot.Folder)))!.AsObject();
        await using var azurite = await UpgradeSnapshot.StartAzuriteAsync(UpgradeSnapshot.Folder);
        await using var platform = UpgradeSnapshot.Platform(azurite);
        var importId = recorded.Select(kv => kv.Key).Single(key => key.Contains("/imports/", StringComparison.Ordinal)).Split('/')[^1].Split(' ')[0];

        var answers = await UpgradeSnapshot.ReadAllAsync(platform, importId);

        Assert.Equal(recorded.Select(kv => kv.Key), answers.Select(kv => kv.Key));
        foreach (var (read, answer) in recorded)
        {
            Assert.True(JsonNode.DeepEquals(answer, answers[read]), $"{read}\nversion 1: {answer!.ToJsonString()}\nnow: {answers[read]!.ToJsonString()}");
        }
    }
}
