using System.Text.Json.Nodes;
using WellnessPlatform.Contracts.Roster;

namespace WellnessPlatform.Integration.Tests.Upgrade;

/// <summary>
/// The current platform started over the table service version 1 left behind (a copy of its Azurite
/// database) answers every read of the demo tenant as version 1 answered it: the stored grain states,
/// the roster, incident and released-week rows and the audit log all read back unchanged. A field the
/// API gained since is allowed; every field version 1 answered must still be there with its value.
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
        foreach (var (read, recordedAnswer) in recorded)
        {
            var answer = read.Contains("/adherence", StringComparison.Ordinal) ? CappedAtEnrolment(recordedAnswer)
                : read.Contains("/invitations?", StringComparison.Ordinal) ? InBucketOrder(recordedAnswer)
                : recordedAnswer;
            Assert.True(Keeps(answer, answers[read]), $"{read}\nversion 1: {answer!.ToJsonString()}\nnow: {answers[read]!.ToJsonString()}");
        }
    }

    [Fact]
    public void An_answer_keeps_an_earlier_one_when_it_only_adds_fields()
    {
        Assert.True(Keeps(JsonNode.Parse("""{"a":1,"b":[{"c":2}]}"""), JsonNode.Parse("""{"a":1,"b":[{"c":2,"d":3}],"e":4}""")));
        Assert.False(Keeps(JsonNode.Parse("""{"a":1}"""), JsonNode.Parse("""{"a":2}""")));
        Assert.False(Keeps(JsonNode.Parse("""{"a":1,"b":2}"""), JsonNode.Parse("""{"a":1}""")));
        Assert.False(Keeps(JsonNode.Parse("""[1,2]"""), JsonNode.Parse("""[1,2,3]""")));
    }

    /// <summary>
    /// The second deliberate change: the roster is listed bucket by bucket (a stable hash of the id), then
    /// by id, where version 1 listed it by id alone. The same people, each once, with the same fields.
    /// </summary>
    private static JsonNode? InBucketOrder(JsonNode? answer)
    {
        var copy = answer?.DeepClone();
        if (copy?["body"]?["items"] is JsonArray items)
        {
            var sorted = items.Select(i => i!.DeepClone())
                .OrderBy(i => RosterCursor.BucketOf((string)i["employeeId"]!)).ThenBy(i => (string)i["employeeId"]!, StringComparer.Ordinal).ToList();
            items.Clear();
            sorted.ForEach(items.Add);
        }

        return copy;
    }

    /// <summary>
    /// The first deliberate change to what version 1 answered: a week released now shows active and meeting
    /// target at most its pooled enrolment (version 1 could show 13 active of 11 enrolled). Weeks version 1
    /// stored were released again here, as the copied database held none yet.
    /// </summary>
    private static JsonNode? CappedAtEnrolment(JsonNode? answer)
    {
        var copy = answer?.DeepClone();
        foreach (var cell in Objects(copy).Where(o => o["enrolled"] is JsonValue && o["active"] is JsonValue))
        {
            var enrolled = (int)cell["enrolled"]!;
            var active = Math.Min((int)cell["active"]!, enrolled);
            cell["active"] = active;
            if (cell["meetingTarget"] is JsonValue met)
            {
                cell["meetingTarget"] = Math.Min((int)met, active);
            }
        }

        return copy;
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(kv => Objects(kv.Value)).Prepend(o),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };

    /// <summary>Whether <paramref name="now"/> holds everything <paramref name="before"/> held, with the same values (arrays item by item).</summary>
    private static bool Keeps(JsonNode? before, JsonNode? now) => (before, now) switch
    {
        (JsonObject b, JsonObject n) => b.All(kv => n.ContainsKey(kv.Key) && Keeps(kv.Value, n[kv.Key])),
        (JsonArray b, JsonArray n) => b.Count == n.Count && b.Zip(n).All(pair => Keeps(pair.First, pair.Second)),
        _ => JsonNode.DeepEquals(before, now),
    };
}
