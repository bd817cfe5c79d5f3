using System.Text.Json.Nodes;

namespace WellnessPlatform.Host.Scim;

/// <summary>
/// What a full SCIM User (POST, PUT) says that the platform keeps: the employee id its userName maps
/// to, the department and whether the person is active. Names, emails and other attributes the
/// identity provider sends are not read, and so never stored.
/// </summary>
public sealed record ScimUserInput(string EmployeeId, string Department, bool Active)
{
    public static (ScimUserInput? Input, ScimProblem? Problem) Parse(JsonObject? body)
    {
        if (body is null)
        {
            return (null, ScimProblem.InvalidSyntax("The body must be a JSON object (a SCIM User)."));
        }

        if (ScimJson.CheckSchemas(body, ScimSchemas.User, ScimSchemas.User, ScimSchemas.EnterpriseUser) is { } schemaProblem)
        {
            return (null, schemaProblem);
        }

        var userNode = ScimJson.Get(body, "userName");
        if (userNode is null)
        {
            return (null, ScimProblem.InvalidValue("\"userName\" is required."));
        }

        if (!ScimJson.TryString(userNode, out var userName))
        {
            return (null, ScimProblem.InvalidValue("\"userName\" must be a string."));
        }

        if (ScimUserNames.ToEmployeeId(userName) is not { } employeeId)
        {
            return (null, ScimProblem.InvalidValue("\"userName\" does not map to an employee id: ASCII letters, digits, '-', '.', '_', '@' or '+', at most 64, starting with a letter or digit."));
        }

        var active = true;
        if (ScimJson.Get(body, "active") is { } activeNode && !ScimJson.TryBool(activeNode, out active))
        {
            return (null, ScimProblem.InvalidValue("\"active\" must be a boolean."));
        }

        var (department, problem) = ReadDepartment(body);
        return problem is not null ? (null, problem)
            : department is null ? (null, ScimProblem.InvalidValue($"\"department\" of {ScimSchemas.EnterpriseUser} is required: it is the person's department."))
            : (new ScimUserInput(employeeId, department, active), null);
    }

    /// <summary>The enterprise extension's department, if given.</summary>
    private static (string? Department, ScimProblem? Problem) ReadDepartment(JsonObject body)
    {
        var extension = ScimJson.Get(body, ScimSchemas.EnterpriseUser);
        if (extension is null)
        {
            return (null, null);
        }

        if (extension is not JsonObject enterprise)
        {
            return (null, ScimProblem.InvalidValue($"\"{ScimSchemas.EnterpriseUser}\" must be an object."));
        }

        var node = ScimJson.Get(enterprise, "department");
        return node is null ? (null, null)
            : ScimJson.TryString(node, out var department) ? (department, null)
            : (null, ScimProblem.InvalidValue("\"department\" must be a string."));
    }
}
