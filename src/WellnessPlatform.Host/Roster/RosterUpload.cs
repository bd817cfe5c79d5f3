using System.Text;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Roster;
using WellnessPlatform.Domain;

namespace WellnessPlatform.Host.Roster;

/// <summary>
/// Receives a roster file (text/csv, or a file field of a form) and starts its upload. The API and the
/// admin page both come through here. Files are larger than the gateway's 64 KiB body limit, so these
/// routes declare their own (<see cref="MaxFileBytes"/>).
/// </summary>
public sealed class RosterUpload(IGrainFactory grains)
{
    /// <summary>100,000 people with long ids and departments fit in well under this.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>Reads the file from the request: a text/csv body, or the first file of a form.</summary>
    public static async Task<(string? Text, FieldError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if (form.Files.Count == 0 || form.Files[0].Length == 0)
            {
                return (null, new FieldError("file", "required", "Choose a CSV file with a header line and one person per line."));
            }

            return await ReadStreamAsync(form.Files[0].OpenReadStream(), form.Files[0].Length, cancellationToken);
        }

        return await ReadStreamAsync(request.Body, request.ContentLength, cancellationToken);
    }

    public async Task<Outcome<RosterImportStatus>> StartAsync(string tenantId, string csv, string startedBy)
    {
        var importId = Guid.NewGuid().ToString("N");
        return await grains.GetGrain<IRosterImportGrain>(GrainKeys.RosterImport(tenantId, importId)).StartAsync(csv, startedBy);
    }

    public Task<RosterImportStatus?> GetAsync(string tenantId, string importId) =>
        grains.GetGrain<IRosterImportGrain>(GrainKeys.RosterImport(tenantId, importId)).GetAsync();

    private static async Task<(string? Text, FieldError? Error)> ReadStreamAsync(Stream stream, long? length, CancellationToken cancellationToken)
    {
        if (length > MaxFileBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, new FieldError("file", "required", "The file is empty: give a header line with employeeId and department, then one person per line."));
        }

        try
        {
            return (new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, new FieldError("file", "not_utf8", "Save the file as UTF-8 text (CSV UTF-8)."));
        }
    }

    private static FieldError TooLarge() =>
        new("file", "too_large", $"A file may be at most {MaxFileBytes / (1024 * 1024)} MiB; split it and upload the parts one after the other.");
}
