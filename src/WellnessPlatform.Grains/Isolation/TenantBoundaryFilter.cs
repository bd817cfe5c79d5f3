using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Isolation;

namespace WellnessPlatform.Grains.Isolation;

/// <summary>
/// Keeps tenants apart below the API, and fails closed: a call into a tenant's grain is let in only
/// when it comes from a grain of the same tenant (whose own key names its tenant: timers, reminders'
/// follow-ups, fan-out), acts for that tenant (the request context's tenant, stamped by the gateway), is
/// made by a named system actor (<see cref="TenantContext.System"/>) narrowed to that tenant or to none,
/// or is Orleans delivering the grain's own reminder. Everything else is refused, including a call that
/// nobody stamped: a route or a job that forgot to say who it acts for cannot reach any tenant's data.
/// </summary>
public sealed partial class TenantBoundaryFilter(ILogger<TenantBoundaryFilter> logger) : IIncomingGrainCallFilter
{
    /// <summary>Reminder ticks come from Orleans' reminder service, which cannot stamp anything.</summary>
    public const string ReminderActor = "reminder";

    /// <summary>The span attribute that names the system actor behind a call.</summary>
    public const string ActorTag = "wellness.system_actor";

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (TenantOf(context.TargetId) is { } target)
        {
            var (refusal, actor) = Check(context, target);
            if (refusal is not null)
            {
                WellnessMetrics.IsolationRefused(refusal);
                LogRefused(logger, refusal, context.TargetId.Type, context.InterfaceName, context.MethodName, TenantContext.SystemActor);
                throw new TenantBoundaryException();
            }

            if (actor is not null)
            {
                Activity.Current?.SetTag(ActorTag, actor);
                LogSystemCall(logger, actor, context.TargetId.Type, context.InterfaceName, context.MethodName);
            }
        }

        return context.Invoke();
    }

    /// <summary>Why the call is refused (null if it is let in), and the system actor to name for it.</summary>
    private static (string? Refusal, string? Actor) Check(IIncomingGrainCallContext context, string target)
    {
        var callerTenant = context.SourceId is { } source ? TenantOf(source) : null;
        if (callerTenant is not null && callerTenant != target)
        {
            return ("other-tenant-grain", null);
        }

        var acting = TenantContext.Current;
        if (acting is not null && acting != target)
        {
            return ("other-tenant", null);
        }

        var actor = TenantContext.SystemActor;
        if (callerTenant is not null || acting is not null || actor is not null)
        {
            return (null, actor);
        }

        return IsReminderTick(context) ? (null, ReminderActor) : ("no-acting-tenant", null);
    }

    // Only Orleans' own reminder service (a system target, never a gateway or a grain) delivers ticks.
    private static bool IsReminderTick(IIncomingGrainCallContext context) =>
        context.SourceId is { } source && source.IsSystemTarget() && context.Request.GetInterfaceType() == typeof(IRemindable);

    // Read from the id's UTF-8 bytes: this runs on both ends of every grain call, and formatting the
    // type and the whole key as strings first was most of the filter's allocation.
    private static string? TenantOf(GrainId id)
    {
        if (!id.Type.AsSpan().StartsWith(TenantGrainPrefix))
        {
            return null;
        }

        var key = id.Key.AsSpan();
        var separator = key.IndexOf((byte)GrainKeys.Separator);
        return Encoding.UTF8.GetString(separator < 0 ? key : key[..separator]);
    }

    private static readonly byte[] TenantGrainPrefix = Encoding.UTF8.GetBytes(GrainTypes.Prefix);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a call into {GrainType} {Interface}.{Method} ({Reason}, system actor {Actor})")]
    private static partial void LogRefused(ILogger logger, string reason, GrainType grainType, string? @interface, string? method, string? actor);

    [LoggerMessage(Level = LogLevel.Debug, Message = "System actor {Actor} calls {GrainType} {Interface}.{Method}")]
    private static partial void LogSystemCall(ILogger logger, string actor, GrainType grainType, string? @interface, string? method);
}
