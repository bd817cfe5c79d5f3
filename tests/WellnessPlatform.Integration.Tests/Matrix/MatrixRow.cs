using System.Net;

namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>
/// One row of the matrix: a route or page handler ("POST /portal?handler=Enrol"), who it admits and the
/// exact status it answers them.
/// </summary>
internal sealed record MatrixRow(string Key, Access Rule, HttpStatusCode Success)
{
    /// <summary>Query parameters after the handler, with the scene's placeholders ("id={incidentId}").</summary>
    public string? Query { get; init; }

    public Func<Scene, Payload>? Body { get; init; }

    /// <summary>Fresh data for a cell that is served, so no cell depends on another having run (or not).</summary>
    public Prepare? Fresh { get; init; }

    /// <summary>The answer to another tenant's staff whom the page admits, when the URL names a record of this tenant.</summary>
    public HttpStatusCode? Isolated { get; init; }

    /// <summary>Where the status alone cannot show it (a page answers the same either way): the state must change when served, and stay as it was when isolated.</summary>
    public Observe? Effect { get; init; }

    /// <summary>The media type of the file a served cell downloads as an attachment.</summary>
    public string? Download { get; init; }

    public string Method => Key[..Key.IndexOf(' ', StringComparison.Ordinal)];

    /// <summary>The route pattern, without the handler.</summary>
    public string Pattern => Key[(Method.Length + 1)..].Split('?')[0];

    public string Name => Query is null ? Key : $"{Key}{(Key.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{Query}";

    /// <summary>The URL this row requests in a scene.</summary>
    public string Url(Scene scene) => scene.Fill(Name[(Method.Length + 1)..]);

    /// <summary>The page a browser would be on to send this row's form: the URL without the handler.</summary>
    public string FormPage(Scene scene) => scene.Fill(Query is null ? Pattern : $"{Pattern}?{Query}");
}
