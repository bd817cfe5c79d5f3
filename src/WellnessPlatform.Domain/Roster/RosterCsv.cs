namespace WellnessPlatform.Domain.Roster;

/// <summary>
/// Reads a tenant admin's roster file: a header naming the <c>employeeId</c> and <c>department</c>
/// columns (other columns are ignored), then one person per line. Every refused line is reported by
/// line and column; the rest can land, each line whole or not at all.
/// </summary>
public static class RosterCsv
{
    /// <summary>Lines a file may hold: twice the largest employer the platform is sized for.</summary>
    public const int MaxLines = 200_000;

    private static readonly string[] IdHeaders = ["employeeid", "employee_id", "employee-id", "id"];
    private static readonly string[] DepartmentHeaders = ["department", "dept"];

    public static RosterFile Parse(string text, IReadOnlyCollection<string> departments)
    {
        var errors = new List<RosterLineError>();
        var lines = new List<RosterLine>();
        using var records = CsvReader.Records(text.TrimStart('\uFEFF')).GetEnumerator();
        if (!records.MoveNext())
        {
            errors.Add(new RosterLineError(1, "file", "empty", "The file is empty: give a header line with employeeId and department, then one person per line."));
            return new RosterFile(lines, errors, 0);
        }

        var header = records.Current.Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var idColumn = header.FindIndex(h => IdHeaders.Contains(h));
        var departmentColumn = header.FindIndex(h => DepartmentHeaders.Contains(h));
        if (idColumn < 0 || departmentColumn < 0)
        {
            errors.Add(new RosterLineError(records.Current.Line, idColumn < 0 ? "employeeId" : "department", "missing_column",
                "The first line must name the columns, including employeeId and department."));
            return new RosterFile(lines, errors, 0);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var dataLines = 0;
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (++dataLines > MaxLines)
            {
                errors.Add(new RosterLineError(line, "file", "too_many_lines", $"A file may hold at most {MaxLines:N0} people; split it and upload the rest separately."));
                dataLines = MaxLines;
                break;
            }

            var id = Field(fields, idColumn);
            var department = Field(fields, departmentColumn);
            var before = errors.Count;
            if (!Identifiers.IsValid(id))
            {
                errors.Add(new RosterLineError(line, "employeeId", id.Length == 0 ? "required" : "invalid_id", $"Give the person's id: {Identifiers.Rule}."));
            }
            else if (seen.TryGetValue(id, out var first))
            {
                errors.Add(new RosterLineError(line, "employeeId", "duplicate", $"This person is already on line {first} of the file."));
            }

            if (department.Length == 0)
            {
                errors.Add(new RosterLineError(line, "department", "required", "Give the person's department."));
            }
            else if (!departments.Contains(department))
            {
                errors.Add(new RosterLineError(line, "department", "unknown_department", "Not one of this employer's departments; add it in the tenant settings first."));
            }

            if (errors.Count == before)
            {
                seen[id] = line;
                lines.Add(new RosterLine(line, id, department));
            }
        }

        return new RosterFile(lines, errors, dataLines);
    }

    private static string Field(IReadOnlyList<string> fields, int column) => column < fields.Count ? fields[column].Trim() : string.Empty;
}
