namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>What a cell's request answered.</summary>
internal sealed record CellResult(System.Net.HttpStatusCode Status, string? Location, string? Disposition, string? MediaType, string Body);
