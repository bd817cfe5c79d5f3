using System.Text.Json.Nodes;

namespace WellnessPlatform.Host.Scim;

/// <summary>
/// A SCIM PatchOp (RFC 7644 §3.5.2) reduced to what the platform keeps: a new department, the active
/// flag, and the userName (which cannot change). Operations are read as Entra ID and Okta send them:
/// "Replace" or "replace", with a path, or with a value object and no path. Operations on attributes
/// the platform does not keep (names, emails) are accepted and ignored.
/// </summary>
public sealed record ScimPatch(string? EmployeeId, string? Department, bool? Active)
{
    public static (ScimPatch? Patch, ScimProblem? Problem) Parse(JsonObject? body)
    {
        if (body is null)
        {
            return (null, ScimProblem.InvalidSyntax("The body must be a JSON object (a PatchOp)."));
        }

        if (ScimJson.CheckSchemas(body, ScimSchemas.PatchOp, ScimSchemas.PatchOp) is { } schemaProblem)
        {
            return (null, schemaProblem);
        }

        if (ScimJson.Get(body, "Operations") is not JsonArray { Count: > 0 } operations)
        {
            return (null, ScimProblem.InvalidValue("\"Operations\" must be a non-empty array."));
        }

        var patch = new ScimPatch(null, null, null);
        foreach (var node in operations)
        {
            var (next, problem) = Apply(patch, node);
            if (problem is not null)
            {
                return (null, problem);
            }

            patch = next!;
        }

        return (patch, null);
    }

    private static (ScimPatch? Patch, ScimProblem? Problem) Apply(ScimPatch patch, JsonNode? node)
    {
        if (node is not JsonObject operation || !ScimJson.TryString(ScimJson.Get(operation, "op"), out var op))
        {
            return (null, ScimProblem.InvalidValue("Each operation is an object with an \"op\" string."));
        }

        op = op.ToLowerInvariant();
        if (op is not ("add" or "replace" or "remove"))
        {
            return (null, ScimProblem.InvalidSyntax($"Unknown op \"{op}\"; use add, replace or remove."));
        }

        var value = ScimJson.Get(operation, "value");
        var pathNode = ScimJson.Get(operation, "path");
        if (pathNode is null)
        {
            return op == "remove"
                ? (null, new ScimProblem(StatusCodes.Status400BadRequest, "noTarget", "A remove needs a path."))
                : value is JsonObject values ? ApplyObject(patch, values)
                : (null, ScimProblem.InvalidValue("An operation without a path takes an object as its value."));
        }

        if (!ScimJson.TryString(pathNode, out var path))
        {
            return (null, ScimProblem.InvalidValue("\"path\" must be a string."));
        }

        if (op == "remove")
        {
            return IsKept(path)
                ? (null, ScimProblem.InvalidValue($"\"{path}\" cannot be removed: every person has a department and an active flag."))
                : (patch, null);
        }

        return ApplyAttribute(patch, path, value);
    }

    private static (ScimPatch? Patch, ScimProblem? Problem) ApplyObject(ScimPatch patch, JsonObject values)
    {
        foreach (var (name, value) in values)
        {
            if (name.Equals(ScimSchemas.EnterpriseUser, StringComparison.OrdinalIgnoreCase))
            {
                if (value is not JsonObject enterprise)
                {
                    return (null, ScimProblem.InvalidValue($"\"{ScimSchemas.EnterpriseUser}\" must be an object."));
                }

                if (ScimJson.Get(enterprise, "department") is { } department)
                {
                    var (next, problem) = ApplyAttribute(patch, ScimSchemas.EnterpriseDepartment, department);
                    if (problem is not null)
                    {
                        return (null, problem);
                    }

                    patch = next!;
                }

                continue;
            }

            var (applied, attributeProblem) = ApplyAttribute(patch, name, value);
            if (attributeProblem is not null)
            {
                return (null, attributeProblem);
            }

            patch = applied!;
        }

        return (patch, null);
    }

    private static (ScimPatch? Patch, ScimProblem? Problem) ApplyAttribute(ScimPatch patch, string path, JsonNode? value)
    {
        if (path.Equals("active", StringComparison.OrdinalIgnoreCase))
        {
            return ScimJson.TryBool(value, out var active)
                ? (patch with { Active = active }, null)
                : (null, ScimProblem.InvalidValue("\"active\" must be a boolean."));
        }

        if (path.Equals(ScimSchemas.EnterpriseDepartment, StringComparison.OrdinalIgnoreCase))
        {
            return ScimJson.TryString(value, out var department)
                ? (patch with { Department = department }, null)
                : (null, ScimProblem.InvalidValue("\"department\" must be a string."));
        }

        if (path.Equals("userName", StringComparison.OrdinalIgnoreCase))
        {
            return !ScimJson.TryString(value, out var userName) ? (null, ScimProblem.InvalidValue("\"userName\" must be a string."))
                : ScimUserNames.ToEmployeeId(userName) is { } id ? (patch with { EmployeeId = id }, null)
                : (null, ScimProblem.InvalidValue("\"userName\" does not map to an employee id."));
        }

        // Attributes the platform does not keep (name, emails, displayName, ...): nothing to change.
        return (patch, null);
    }

    private static bool IsKept(string path) =>
        path.Equals("active", StringComparison.OrdinalIgnoreCase) || path.Equals(ScimSchemas.EnterpriseDepartment, StringComparison.OrdinalIgnoreCase);
}
