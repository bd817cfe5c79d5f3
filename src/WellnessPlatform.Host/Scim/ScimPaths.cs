namespace WellnessPlatform.Host.Scim;

/// <summary>Where the SCIM service lives; identity providers are given <see cref="Base"/> as the tenant URL.</summary>
public static class ScimPaths
{
    public const string Base = "/scim/v2";
    public const string Users = Base + "/Users";
}
