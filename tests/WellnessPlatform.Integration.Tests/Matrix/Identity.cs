namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>Who a principal is signed in as in one cell.</summary>
internal sealed record Identity(string Role, string? Tenant, string Subject);
