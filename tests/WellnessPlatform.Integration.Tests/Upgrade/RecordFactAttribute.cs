namespace WellnessPlatform.Integration.Tests.Upgrade;

/// <summary>
/// A fact that runs only when <see cref="Variable"/> is set: it records test data from the code as it
/// is, which is done once per format and committed, never in a normal run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RecordFactAttribute : FactAttribute
{
    public const string Variable = "WELLNESS_RECORD_UPGRADE";

    public RecordFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Records test data; runs only with {Variable}=1.";
        }
    }
}
