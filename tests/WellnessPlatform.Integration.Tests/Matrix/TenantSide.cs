namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>Where a principal belongs, seen from the tenant a cell's request is about.</summary>
internal enum TenantSide
{
    /// <summary>No tenant claim: anonymous callers and operators.</summary>
    None,

    /// <summary>The tenant the request names (or, for a page, the tenant the signed-in person acts in).</summary>
    Own,

    /// <summary>Another tenant: the same role, the same subject even, but the wrong employer.</summary>
    Other,
}
