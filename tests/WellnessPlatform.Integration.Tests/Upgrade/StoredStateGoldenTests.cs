using WellnessPlatform.Contracts;

namespace WellnessPlatform.Integration.Tests.Upgrade;

/// <summary>
/// Every grain state version 1 stored (Upgrade/v1/states) still decodes with the production serializer
/// to the values that version decoded it to: a change to a stored type that loses or moves a field fails here.
/// </summary>
public sealed class StoredStateGoldenTests
{
    public static TheoryData<string> GoldenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(UpgradeSnapshot.StatesFolder(UpgradeSnapshot.Folder), "*.bin", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(UpgradeSnapshot.StatesFolder(UpgradeSnapshot.Folder), file));
        }

        return data;
    }

    [Fact]
    public void Version_1_left_a_golden_file_of_every_stored_state()
    {
        var states = Directory.EnumerateDirectories(UpgradeSnapshot.StatesFolder(UpgradeSnapshot.Folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(
            [StorageNames.EmployeeState, StorageNames.IncidentState, StorageNames.RosterImportState, StorageNames.ShardState, StorageNames.ShardDepartedState, StorageNames.TenantState],
            states);
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public async Task A_version_1_state_decodes_to_what_version_1_read(string file)
    {
        var bin = Path.Combine(UpgradeSnapshot.StatesFolder(UpgradeSnapshot.Folder), file);
        var state = Path.GetFileName(Path.GetDirectoryName(bin)!);

        var decoded = UpgradeSnapshot.Decode(state, await File.ReadAllBytesAsync(bin));

        Assert.Equal(await File.ReadAllTextAsync(Path.ChangeExtension(bin, ".json")), StateRendering.Render(decoded));
    }
}
