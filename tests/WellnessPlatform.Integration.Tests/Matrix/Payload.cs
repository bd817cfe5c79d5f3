namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>The body a cell sends: JSON for the API, a form for a page (the antiforgery token is added when sent).</summary>
internal abstract record Payload;

internal sealed record JsonBody(object Value) : Payload;

internal sealed record FormBody(IReadOnlyDictionary<string, string> Fields) : Payload;

internal sealed record CsvBody(string Text) : Payload;

/// <summary>A multipart form with one file, as the people page uploads a roster.</summary>
internal sealed record FileBody(string Field, string FileName, string Text) : Payload;
