using System.Reflection;
using System.Text.Json;

namespace WellnessPlatform.Deploy.Tests;

/// <summary>docs/configuration.md lists every setting: those of the appsettings files and of every settings class.</summary>
public sealed class ConfigurationReferenceTests
{
    private static readonly string Reference = File.ReadAllText(Yaml.Repo("docs", "configuration.md"));

    [Fact]
    public void Every_setting_in_the_appsettings_files_is_documented()
    {
        foreach (var file in new[] { "appsettings.json", "appsettings.Development.json" })
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Yaml.Repo("src", "WellnessPlatform.Host", file)));
            foreach (var key in Leaves(json.RootElement, string.Empty).Where(k => !k.StartsWith("Logging:", StringComparison.Ordinal)))
            {
                Assert.True(Documented(key), $"{key} (from {file}) is not in docs/configuration.md");
            }
        }
    }

    [Fact]
    public void Every_property_of_every_settings_class_is_documented()
    {
        var types = typeof(Program).Assembly.GetTypes().Concat(typeof(WellnessPlatform.Grains.WellnessGrainOptions).Assembly.GetTypes())
            .Where(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });
        var checkedAny = false;
        foreach (var type in types)
        {
            var section = (string)type.GetField("Section")!.GetRawConstantValue()!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                checkedAny = true;
                Assert.True(Documented($"{section}:{property.Name}"), $"{section}:{property.Name} is not in docs/configuration.md");
            }
        }

        Assert.True(checkedAny);
    }

    /// <summary>Documented either in full or as a property of a section table headed by the section.</summary>
    private static bool Documented(string key)
    {
        var last = key.LastIndexOf(':');
        if (last < 0)
        {
            return Reference.Contains($"`{key}`", StringComparison.Ordinal);
        }

        var section = key[..last];
        var name = key[(last + 1)..];
        return Reference.Contains($"`{key}`", StringComparison.Ordinal)
            || (Reference.Contains($"(`{section}`)", StringComparison.Ordinal) && (Reference.Contains($"| `{name}`", StringComparison.Ordinal) || Reference.Contains($"/ `{name}`", StringComparison.Ordinal)))
            || Reference.Contains($"`{section}:{name.Split(':')[0]}`", StringComparison.Ordinal);
    }

    private static IEnumerable<string> Leaves(JsonElement element, string prefix) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Leaves(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}")),
        JsonValueKind.Array => [prefix],
        _ => [prefix],
    };
}
