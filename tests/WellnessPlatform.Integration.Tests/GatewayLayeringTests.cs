using System.Reflection;
using System.Runtime.CompilerServices;
using WellnessPlatform.Grains.Audit;
using WellnessPlatform.Grains.CaseWork;
using WellnessPlatform.Grains.Employees;
using WellnessPlatform.Grains.Reconciliation;
using WellnessPlatform.Grains.Rights;
using WellnessPlatform.Host.Api;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// The API handlers only parse, authorize, call and map: of the Grains assembly they may take only the
/// application services. A handler that took a table, a grain class or a stored state would be doing
/// the grains' work in the gateway. Checked on what the compiler keeps: the parameters of every method
/// and constructor (lambdas included) and the fields of the handler classes in <c>Host.Api</c>; their
/// results may be mapped, so delegates to the mappers are not counted.
/// </summary>
public sealed class GatewayLayeringTests
{
    private static readonly HashSet<Type> ApplicationServices =
    [
        typeof(AuditLog),
        typeof(AuditedCaseWork),
        typeof(EmployeeRights),
        typeof(Enrolments),
        typeof(TenantReconciler),
    ];

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    [Fact]
    public void Api_handlers_take_nothing_from_grains_but_the_application_services()
    {
        var grains = typeof(TenantReconciler).Assembly;
        var handlers = typeof(ApiMappings).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ApiMappings).Namespace && !typeof(IAsyncStateMachine).IsAssignableFrom(t))
            .ToList();
        Assert.Contains(typeof(EmployeeApi), handlers);

        var found = new List<string>();
        foreach (var type in handlers)
        {
            var members = type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared));
            foreach (var member in members)
            {
                found.AddRange(member.GetParameters().SelectMany(p => Named(p.ParameterType))
                    .Where(t => t.Assembly == grains && !ApplicationServices.Contains(t))
                    .Select(t => $"{type.Name}.{member.Name}({t.Name})"));
            }

            // The compiler's own fields are caches of the delegates passed to the mappers (a service's result
            // mapped to a response); a lambda's parameters are checked above as its method's.
            if (type.IsDefined(typeof(CompilerGeneratedAttribute)))
            {
                continue;
            }

            found.AddRange(type.GetFields(Declared).SelectMany(f => Named(f.FieldType))
                .Where(t => t.Assembly == grains && !ApplicationServices.Contains(t))
                .Select(t => $"{type.Name} field {t.Name}"));
        }

        Assert.True(found.Count == 0, "API handlers use Grains internals: " + string.Join(", ", found.Distinct()));
    }

    /// <summary>A type and every type it is built from (generic arguments, element types).</summary>
    private static IEnumerable<Type> Named(Type type)
    {
        yield return type;
        var parts = type.HasElementType ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes;
        foreach (var inner in parts.SelectMany(Named))
        {
            yield return inner;
        }
    }
}
