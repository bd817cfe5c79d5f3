using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace WellnessPlatform.Deploy.Tests;

/// <summary>
/// Checks every document under deploy/k8s against the Kubernetes API schema for its apiVersion and kind
/// (types, required fields, enums, and no fields the schema does not have), and that broken copies are rejected.
/// </summary>
public sealed class KubernetesSchemaTests
{
    private const string UnknownField = "is not a field of this object in the Kubernetes API schema";

    [Fact]
    public async Task Every_manifest_document_is_valid_against_the_Kubernetes_API_schema()
    {
        var folder = Yaml.Repo("deploy", "k8s");
        var report = await KubernetesSchema.ValidateAsync(folder);

        Assert.True(report.Errors.Count == 0, string.Join("\n", report.Errors));
        // Counted again with YamlDotNet, so a document the script skipped or misread cannot pass unseen.
        var expected = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => new FileCount(Path.GetFileName(f), Yaml.Documents(f).Count)).ToList();
        Assert.Equal(expected, report.Files);
        Assert.True(report.Documents > 0);
        Assert.Equal(expected.Sum(f => f.Documents), report.Documents);
        Assert.Equal(report.Documents, report.Validated);
    }

    [Fact]
    public async Task Broken_copies_of_the_deployment_are_rejected()
    {
        var folder = Directory.CreateTempSubdirectory("k8s-schema-").FullName;
        try
        {
            Broken(folder, "replicas.yaml", d => Spec(d).Children["replicas"] = new YamlScalarNode("three") { Style = ScalarStyle.DoubleQuoted });
            Broken(folder, "unknown-field.yaml", d =>
            {
                var container = (YamlMappingNode)d.Items("spec", "template", "spec", "containers").First();
                container.Add("imagePullPolice", "Always");
            });
            Broken(folder, "no-selector.yaml", d => Assert.True(Spec(d).Children.Remove("selector")));
            Broken(folder, "no-schema.yaml", d => d.Children["apiVersion"] = new YamlScalarNode("apps/v1beta9"));

            var report = await KubernetesSchema.ValidateAsync(folder);

            Assert.Equal(4, report.Documents);
            Assert.Equal(3, report.Validated);
            Assert.Equal(
                [
                    ("no-schema.yaml", "", "has no Kubernetes API schema for apiVersion apps/v1beta9 kind Deployment"),
                    ("no-selector.yaml", "/spec", "must have required property selector"),
                    ("replicas.yaml", "/spec/replicas", "must be integer"),
                    ("unknown-field.yaml", "/spec/template/spec/containers/0/imagePullPolice", UnknownField),
                ],
                report.Errors.Select(e => (e.File, e.Path, e.Message)).Order());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static YamlMappingNode Spec(YamlMappingNode deployment) => (YamlMappingNode)deployment.At("spec")!;

    /// <summary>Writes deploy/k8s/deployment.yaml, changed by <paramref name="breakIt"/>, as one file of the folder.</summary>
    private static void Broken(string folder, string file, Action<YamlMappingNode> breakIt)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Yaml.Repo("deploy", "k8s", "deployment.yaml")))
        {
            stream.Load(reader);
        }

        breakIt(Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode));
        using var writer = new StreamWriter(Path.Combine(folder, file));
        stream.Save(writer, assignAnchors: false);
    }
}
