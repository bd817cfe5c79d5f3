using System.Reflection;
using WellnessPlatform.Domain.Aggregates;
using WellnessPlatform.Domain.Incidents;
using WellnessPlatform.Domain.Sessions;
using WellnessPlatform.Domain.Tenants;
using WellnessPlatform.Grains.Employees;
using WellnessPlatform.Grains.Incidents;
using WellnessPlatform.Grains.Tenants;

namespace WellnessPlatform.Grains.Tests.Storage;

/// <summary>
/// What is stored is made of the grains' own state types and the domain's values, never of grain
/// messages (Contracts) or HTTP types (the gateway): changing a message or the API cannot change a
/// stored byte. Walks every serialized field of every stored state, as Orleans' serializer does.
/// </summary>
public sealed class StoredSchemaTests
{
    private static readonly Assembly Grains = typeof(EmployeeState).Assembly;

    public static TheoryData<Type> StoredStates()
    {
        var data = new TheoryData<Type>();
        foreach (var type in Grains.GetTypes().Where(IsStoredState).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void Every_grain_state_is_found()
    {
        var found = Grains.GetTypes().Where(IsStoredState).Select(t => t.Name).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["DepartedState", "EmployeeState", "ErasureState", "IdentityProviderState", "IncidentState", "IssuerState", "LegacyIncidentIndexState", "LegacyRosterState", "RosterImportState", "ScimSecretState", "ShardState", "TenantState"],
            found);
    }

    [Theory]
    [MemberData(nameof(StoredStates))]
    public void A_stored_state_holds_no_message_or_http_type(Type state)
    {
        var offending = Reachable(state).Where(t => t.Assembly != Grains && t.Namespace?.StartsWith("WellnessPlatform", StringComparison.Ordinal) == true
            && !t.Namespace.StartsWith("WellnessPlatform.Domain", StringComparison.Ordinal));

        Assert.Empty(offending.Select(t => t.FullName));
    }

    [Fact]
    public void The_walk_reaches_the_domain_values_the_states_hold()
    {
        // So an empty answer above means "none", not "the walk saw nothing".
        Assert.Contains(typeof(SessionRecord), Reachable(typeof(EmployeeState)));
        Assert.Contains(typeof(PainContext), Reachable(typeof(EmployeeState)));
        Assert.Contains(typeof(OutboxEntry), Reachable(typeof(EmployeeState)));
        Assert.Contains(typeof(IncidentStatus), Reachable(typeof(IncidentState)));
        Assert.Contains(typeof(TenantConfig), Reachable(typeof(TenantState)));
    }

    private static bool IsStoredState(Type type) =>
        type.Name.EndsWith("State", StringComparison.Ordinal) && type.GetCustomAttribute<GenerateSerializerAttribute>() is not null;

    /// <summary>Every type a serialized field (an [Id] member) of <paramref name="root"/> can hold, transitively, through generic arguments and arrays.</summary>
    private static HashSet<Type> Reachable(Type root)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            if (type.IsArray)
            {
                pending.Push(type.GetElementType()!);
            }

            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            {
                pending.Push(argument);
            }

            const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
            foreach (var property in type.GetProperties(Members).Where(p => p.GetCustomAttribute<IdAttribute>() is not null))
            {
                pending.Push(property.PropertyType);
            }

            foreach (var field in type.GetFields(Members).Where(f => f.GetCustomAttribute<IdAttribute>() is not null))
            {
                pending.Push(field.FieldType);
            }
        }

        return seen;
    }
}
