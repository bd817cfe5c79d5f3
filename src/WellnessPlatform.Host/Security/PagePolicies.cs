namespace WellnessPlatform.Host.Security;

/// <summary>Policies of the three web surfaces.</summary>
public static class PagePolicies
{
    public const string Portal = "page:portal";
    public const string Hr = "page:hr";
    public const string CaseWork = "page:casework";
    public const string Admin = "page:admin";
}
