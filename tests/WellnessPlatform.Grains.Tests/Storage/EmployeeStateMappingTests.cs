using System.Reflection;
using WellnessPlatform.Domain.Employees;
using WellnessPlatform.Domain.Notifications;
using WellnessPlatform.Domain.Plans;
using WellnessPlatform.Domain.Screening;
using WellnessPlatform.Grains.Employees;

namespace WellnessPlatform.Grains.Tests.Storage;

/// <summary>
/// The stored form and the rules' record carry the same fields, and the mapping moves every one both
/// ways: a field added to one and forgotten in the mapping would be lost at the next write.
/// </summary>
public sealed class EmployeeStateMappingTests
{
    private static readonly PropertyInfo[] Stored = typeof(EmployeeState).GetProperties().Where(p => p.CanWrite).ToArray();

    [Fact]
    public void The_record_and_the_stored_state_have_the_same_fields()
    {
        var record = typeof(EmployeeRecord).GetProperties().Where(p => p.CanWrite).Select(p => (p.Name, p.PropertyType)).OrderBy(p => p.Name, StringComparer.Ordinal);
        var stored = Stored.Select(p => (p.Name, p.PropertyType)).OrderBy(p => p.Name, StringComparer.Ordinal);

        Assert.Equal(stored, record);
        Assert.Equal(33, Stored.Length);
    }

    [Fact]
    public void Every_field_survives_the_way_to_the_record_and_back()
    {
        var original = new EmployeeState();
        foreach (var property in Stored)
        {
            property.SetValue(original, NonDefault(property.PropertyType));
        }

        var back = new EmployeeState();
        original.ToRecord().CopyTo(back);

        foreach (var property in Stored)
        {
            var (sent, received) = (property.GetValue(original), property.GetValue(back));
            if (property.PropertyType.IsValueType)
            {
                Assert.Equal(sent, received);
            }
            else
            {
                // Handed over, not copied: the very instance set, never the fresh one of the new state.
                Assert.Same(sent, received);
            }
        }
    }

    /// <summary>A value a freshly made state does not hold: a changed value, or an instance of its own.</summary>
    private static object NonDefault(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var answers = new ScreeningAnswers(3, false, false, []);
        return underlying switch
        {
            _ when underlying.IsEnum => Enum.ToObject(underlying, 1),
            _ when underlying == typeof(bool) => true,
            _ when underlying == typeof(int) => 7,
            _ when underlying == typeof(long) => 42L,
            _ when underlying == typeof(string) => "mapped",
            _ when underlying == typeof(Guid) => Guid.NewGuid(),
            _ when underlying == typeof(DateOnly) => new DateOnly(2026, 11, 30),
            _ when underlying == typeof(DateTimeOffset) => new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero),
            _ when underlying == typeof(PlanSettings) => PlanSettings.Default with { },
            _ when underlying == typeof(ScreeningAnswers) => answers,
            _ when underlying == typeof(ScreeningOutcome) => ScreeningRules.Evaluate(answers),
            _ when underlying == typeof(ReminderSettings) => new ReminderSettings("a@example.com", new TimeOnly(7, 0), null, "token"),
            _ when underlying == typeof(ReminderRetry) => new ReminderRetry(new DateOnly(2026, 11, 30), 1),
            _ => Activator.CreateInstance(underlying) ?? throw new InvalidOperationException(underlying.Name),
        };
    }
}
