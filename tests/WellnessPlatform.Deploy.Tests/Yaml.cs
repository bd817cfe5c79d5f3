using YamlDotNet.RepresentationModel;

namespace WellnessPlatform.Deploy.Tests;

/// <summary>Reads YAML files of the repository into navigable nodes.</summary>
internal static class Yaml
{
    public static string Repo(params string[] parts) => Path.Combine([AzuriteProcess.RepositoryRoot(), .. parts]);

    public static IReadOnlyList<YamlMappingNode> Documents(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return [.. stream.Documents.Select(d => Assert.IsType<YamlMappingNode>(d.RootNode))];
    }

    public static YamlNode? At(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || Get(map, key) is not { } next)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>A key of a mapping, looking through YAML merge keys ("&lt;&lt;: *anchor") as compose does.</summary>
    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value
        : map.Children.TryGetValue(new YamlScalarNode("<<"), out var merged) && merged is YamlMappingNode parent ? Get(parent, key)
        : null;

    public static string? Text(this YamlNode node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode node, params string[] path) =>
        node.At(path) is YamlSequenceNode seq ? seq.Children : [];

    public static Dictionary<string, string> Map(this YamlNode node, params string[] path) =>
        node.At(path) is YamlMappingNode map ? Flatten(map) : [];

    private static Dictionary<string, string> Flatten(YamlMappingNode map)
    {
        var result = map.Children.TryGetValue(new YamlScalarNode("<<"), out var merged) && merged is YamlMappingNode parent ? Flatten(parent) : [];
        foreach (var (key, value) in map.Children)
        {
            if (((YamlScalarNode)key).Value is { } name && name != "<<")
            {
                result[name] = (value as YamlScalarNode)?.Value ?? string.Empty;
            }
        }

        return result;
    }
}
