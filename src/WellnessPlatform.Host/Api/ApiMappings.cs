using WellnessPlatform.Host.Security;

namespace WellnessPlatform.Host.Api;

/// <summary>All of the gateway's routes in one call from Program.</summary>
public static class ApiMappings
{
    public static WebApplication MapWellnessApi(this WebApplication app)
    {
        app.MapCatalogApi();
        app.MapTenantApi();
        app.MapEmployeeApi();
        app.MapNotificationsApi();
        app.MapCalendarApi();
        app.MapRightsApi();
        app.MapCaseWorkApi();
        app.MapAdminApi();
        app.MapAuditApi();
        app.MapScimSecretApi();
        app.MapIdentityProviderApi();
        app.MapScimUsersApi();
        app.MapScimDiscoveryApi();
        app.MapDevSignIn();
        return app;
    }
}
