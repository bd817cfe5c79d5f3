namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>A string only one person's incident report holds: seen by them and their tenant's case workers, by nobody else.</summary>
internal sealed record Marker(string Tenant, string Person, string Text);
