using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>Sends one cell's request: API routes with a bearer token, pages from a signed-in browser.</summary>
internal sealed class CellSender(PlatformFactory platform) : IDisposable
{
    private const string TokenField = "__RequestVerificationToken";

    private readonly HttpClient _api = platform.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public async Task<CellResult> SendAsync(MatrixRow row, bool isPage, Scene scene, Identity? identity)
    {
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Url(scene));
        var payload = row.Body?.Invoke(scene);
        if (!isPage)
        {
            if (identity is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(identity.Subject, identity.Role, identity.Tenant));
            }

            request.Content = Content(payload, null);
            using var answer = await _api.SendAsync(request);
            return await ReadAsync(answer);
        }

        using var browser = new PageBrowser(platform, identity);
        if (row.Method == "POST")
        {
            request.Content = Content(payload ?? new FormBody(new Dictionary<string, string>()), await browser.AntiforgeryTokenAsync(row.FormPage(scene)));
        }

        using var response = await browser.SendAsync(request);
        return await ReadAsync(response);
    }

    public void Dispose() => _api.Dispose();

    private static HttpContent? Content(Payload? payload, string? token) => payload switch
    {
        null => null,
        JsonBody json => JsonContent.Create(json.Value),
        CsvBody csv => new StringContent(csv.Text, System.Text.Encoding.UTF8, "text/csv"),
        FormBody form => new FormUrlEncodedContent(token is null ? form.Fields : form.Fields.Append(new(TokenField, token))),
        FileBody file => Multipart(file, token),
        _ => throw new ArgumentOutOfRangeException(nameof(payload)),
    };

    private static MultipartFormDataContent Multipart(FileBody file, string? token)
    {
        var content = new MultipartFormDataContent();
        var csv = new StringContent(file.Text, System.Text.Encoding.UTF8);
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(csv, file.Field, file.FileName);
        if (token is not null)
        {
            content.Add(new StringContent(token), TokenField);
        }

        return content;
    }

    private static async Task<CellResult> ReadAsync(HttpResponseMessage response) => new(
        response.StatusCode,
        response.Headers.Location?.OriginalString,
        response.Content.Headers.ContentDisposition?.DispositionType,
        response.Content.Headers.ContentType?.MediaType,
        await response.Content.ReadAsStringAsync());
}
