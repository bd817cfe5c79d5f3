namespace WellnessPlatform.Testing.Privacy;

/// <summary>
/// Something the attacker worked out that HR was not shown directly: the value of <paramref name="Metric"/>
/// for the people in <paramref name="Groups"/> in <paramref name="Week"/>, or a change between two weeks
/// (<paramref name="FromWeek"/>) or two times (<paramref name="FromTime"/>, <paramref name="ToTime"/>).
/// </summary>
public sealed record Finding(string Attack, string Week, IReadOnlyList<string> Groups, string Metric, double Value,
    string? FromWeek = null, int FromTime = 0, int ToTime = 0)
{
    public override string ToString() =>
        $"{Attack}: {Metric} of [{string.Join('+', Groups)}] in {(FromWeek is null ? "" : FromWeek + "→")}{Week}{(FromTime != ToTime ? $" (t{FromTime}→t{ToTime})" : "")} = {Value}";
}
