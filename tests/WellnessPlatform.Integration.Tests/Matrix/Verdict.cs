namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>What a cell expects of its request.</summary>
internal enum Verdict
{
    /// <summary>Served: the row's exact success status.</summary>
    Allowed,

    /// <summary>Refused before any handler runs: 401/403 on the API, a redirect to sign-in or "no access" on a page.</summary>
    Denied,

    /// <summary>The page's policy admits the caller, but the id in the URL belongs to another tenant: not found, and nothing changes.</summary>
    Isolated,
}
