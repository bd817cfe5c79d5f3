namespace WellnessPlatform.Host.Security;

/// <summary>The JWT claims the gateway reads. "sub" is the person's id within their tenant.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Tenant = "tenant";
    public const string Name = "name";
}
