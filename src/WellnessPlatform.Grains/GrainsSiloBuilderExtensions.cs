using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WellnessPlatform.Grains.Audit;
using WellnessPlatform.Grains.CareQueue;
using WellnessPlatform.Grains.CaseWork;
using WellnessPlatform.Grains.Employees;
using WellnessPlatform.Grains.Incidents;
using WellnessPlatform.Grains.Isolation;
using WellnessPlatform.Grains.Migration;
using WellnessPlatform.Grains.Notifications;
using WellnessPlatform.Grains.Reconciliation;
using WellnessPlatform.Grains.Rights;
using WellnessPlatform.Grains.Roster;
using WellnessPlatform.Grains.Storage;
using WellnessPlatform.Grains.Tenants;

namespace WellnessPlatform.Grains;

/// <summary>What every silo hosting these grains needs, whatever its storage.</summary>
public static class GrainsSiloBuilderExtensions
{
    public static ISiloBuilder AddWellnessGrains(this ISiloBuilder silo, IConfiguration? configuration = null)
    {
        silo.AddIncomingGrainCallFilter<TenantBoundaryFilter>();
        silo.Services.TryAddSingleton(TimeProvider.System);

        // Every settings class is checked when the silo starts: a bad value stops it with the setting's path.
        var options = silo.Services.AddOptions<WellnessGrainOptions>().ValidateDataAnnotations().ValidateOnStart();
        var mail = silo.Services.AddOptions<MailSettings>().ValidateDataAnnotations().ValidateOnStart();
        var tables = silo.Services.AddOptions<TableSettings>().ValidateDataAnnotations().ValidateOnStart();
        var audit = silo.Services.AddOptions<AuditSettings>().ValidateDataAnnotations().ValidateOnStart();
        silo.Services.TryAddSingleton<IMailSender, SmtpMailSender>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(WellnessGrainOptions.Section));
            tables.Bind(configuration.GetSection(TableSettings.Section));
            mail.Bind(configuration.GetSection(MailSettings.Section));
            audit.Bind(configuration.GetSection(AuditSettings.Section));
        }

        // The host registers the TableServiceClient (Azure Storage or Azurite) the tables live in.
        silo.Services.TryAddSingleton<WellnessTables>();
        silo.Services.TryAddSingleton<RosterTable>();
        silo.Services.TryAddSingleton<IncidentTable>();
        silo.Services.TryAddSingleton<CareQueueTable>();
        silo.Services.TryAddSingleton<ReleasedWeeksTable>();
        silo.Services.TryAddSingleton<LegacyListMigration>();

        // The audit table is the gateway's log and the erasure process's too: one client, one setting.
        silo.Services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<AuditSettings>>().Value);
        silo.Services.TryAddSingleton<AuditTable>();

        // Use cases over the grains, callable from the gateway or any other host of the silo: the API
        // and the pages only parse, authorize, call these (or a grain) and map the answer.
        silo.Services.TryAddSingleton<TenantReconciler>();
        silo.Services.TryAddSingleton<AuditLog>();
        silo.Services.TryAddSingleton<AuditedCaseWork>();
        silo.Services.TryAddSingleton<EmployeeRights>();
        silo.Services.TryAddSingleton<Enrolments>();

        return silo;
    }
}
