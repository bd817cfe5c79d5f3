using YamlDotNet.RepresentationModel;

namespace WellnessPlatform.Deploy.Tests;

/// <summary>
/// Parses every manifest under deploy/k8s and checks what a cluster would reject or what would break
/// the silo: known kinds and API versions, names, selectors that match, probes on the health routes,
/// secrets that exist, and the labels and downward-API values Orleans' Kubernetes hosting needs. Field
/// names, types and required fields against the API schema are KubernetesSchemaTests' job.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly Dictionary<string, string> ApiVersions = new()
    {
        ["Deployment"] = "apps/v1",
        ["Service"] = "v1",
        ["Secret"] = "v1",
        ["ServiceAccount"] = "v1",
        ["PodDisruptionBudget"] = "policy/v1",
        ["Role"] = "rbac.authorization.k8s.io/v1",
        ["RoleBinding"] = "rbac.authorization.k8s.io/v1",
    };

    private static readonly IReadOnlyList<YamlMappingNode> All =
        [.. Directory.GetFiles(Yaml.Repo("deploy", "k8s"), "*.yaml").Order().SelectMany(Yaml.Documents)];

    private static YamlMappingNode One(string kind) => Assert.Single(All, d => d.Text("kind") == kind);

    [Fact]
    public void Every_manifest_has_a_known_kind_its_api_version_and_a_name()
    {
        Assert.NotEmpty(All);
        foreach (var doc in All)
        {
            var kind = doc.Text("kind");
            Assert.True(kind is not null && ApiVersions.ContainsKey(kind), $"unknown kind {kind}");
            Assert.Equal(ApiVersions[kind!], doc.Text("apiVersion"));
            Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", doc.Text("metadata", "name") ?? string.Empty);
        }
    }

    [Fact]
    public void The_deployment_runs_three_silos_with_probes_on_the_health_routes()
    {
        var deployment = One("Deployment");
        Assert.True(int.Parse(deployment.Text("spec", "replicas")!, System.Globalization.CultureInfo.InvariantCulture) >= 3);
        var selector = deployment.Map("spec", "selector", "matchLabels");
        var labels = deployment.Map("spec", "template", "metadata", "labels");
        Assert.All(selector, kv => Assert.Equal(kv.Value, labels.GetValueOrDefault(kv.Key)));
        Assert.True(labels.ContainsKey("orleans/serviceId") && labels.ContainsKey("orleans/clusterId"));

        var container = Assert.Single(deployment.Items("spec", "template", "spec", "containers"));
        Assert.Equal("/health/live", container.Text("livenessProbe", "httpGet", "path"));
        Assert.Equal("/health/ready", container.Text("readinessProbe", "httpGet", "path"));
        var ports = container.Items("ports").Select(p => p.Text("name")).ToHashSet();
        Assert.Contains(container.Text("readinessProbe", "httpGet", "port"), ports);
        Assert.Superset(new HashSet<string?> { "http", "silo", "gateway" }, ports);

        var env = container.Items("env").ToDictionary(e => e.Text("name")!);
        foreach (var name in new[] { "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID" })
        {
            Assert.NotNull(env[name].At("valueFrom", "fieldRef", "fieldPath"));
        }

        Assert.Equal(One("ServiceAccount").Text("metadata", "name"), deployment.Text("spec", "template", "spec", "serviceAccountName"));
    }

    [Fact]
    public void Secrets_the_deployment_reads_exist_with_those_keys()
    {
        var secret = One("Secret");
        var keys = secret.Map("stringData").Keys.Select(k => (string?)k).ToHashSet();
        var refs = One("Deployment").Items("spec", "template", "spec", "containers").SelectMany(c => c.Items("env"))
            .Select(e => e.At("valueFrom", "secretKeyRef")).OfType<YamlMappingNode>().ToList();

        Assert.Contains(refs, r => r.Text("key") == "tables-connection-string");
        Assert.All(refs, r =>
        {
            Assert.Equal(secret.Text("metadata", "name"), r.Text("name"));
            Assert.Contains(r.Text("key"), keys);
        });
    }

    [Fact]
    public void The_disruption_budget_and_the_service_select_the_silos()
    {
        var labels = One("Deployment").Map("spec", "template", "metadata", "labels");
        var pdb = One("PodDisruptionBudget");
        Assert.All(pdb.Map("spec", "selector", "matchLabels"), kv => Assert.Equal(kv.Value, labels.GetValueOrDefault(kv.Key)));
        Assert.True(int.Parse(pdb.Text("spec", "minAvailable")!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.All(One("Service").Map("spec", "selector"), kv => Assert.Equal(kv.Value, labels.GetValueOrDefault(kv.Key)));
    }

    [Fact]
    public void The_silo_may_read_and_clean_up_pods()
    {
        var rule = Assert.Single(One("Role").Items("rules"));
        Assert.Contains("pods", rule.Items("resources").Select(r => ((YamlScalarNode)r).Value));
        Assert.Superset(new HashSet<string?> { "get", "list", "watch", "delete" }, rule.Items("verbs").Select(v => ((YamlScalarNode)v).Value).ToHashSet());
        Assert.Equal(One("ServiceAccount").Text("metadata", "name"), One("RoleBinding").Items("subjects").Single().Text("name"));
    }
}
