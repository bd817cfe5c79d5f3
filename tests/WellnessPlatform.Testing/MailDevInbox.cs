using System.Text.Json;

namespace WellnessPlatform.Testing;

/// <summary>One email as MailDev's REST API lists it: who it went to (the SMTP envelope), subject, text, Message-ID.</summary>
public sealed record ReceivedEmail(string To, string Subject, string Text, string? Html, string? MessageId);

/// <summary>MailDev's REST API: GET /api/email lists every message received, DELETE /api/email/all empties the inbox.</summary>
public sealed class MailDevInbox(Uri apiBase)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task<IReadOnlyList<ReceivedEmail>> AllAsync()
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync(new Uri(apiBase, "email")));
        var emails = new List<ReceivedEmail>();
        foreach (var email in json.RootElement.EnumerateArray())
        {
            var messageId = email.GetProperty("headers").TryGetProperty("message-id", out var id) ? id.GetString() : null;
            foreach (var to in email.GetProperty("envelope").GetProperty("to").EnumerateArray())
            {
                emails.Add(new ReceivedEmail(to.GetProperty("address").GetString()!, email.GetProperty("subject").GetString() ?? string.Empty,
                    email.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty,
                    email.TryGetProperty("html", out var html) && html.ValueKind == JsonValueKind.String ? html.GetString() : null, messageId));
            }
        }

        return emails;
    }

    public async Task<IReadOnlyList<ReceivedEmail>> ToAsync(string address) =>
        [.. (await AllAsync()).Where(e => string.Equals(e.To, address, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Waits up to a few seconds for at least <paramref name="count"/> emails to the address (SMTP hands over before MailDev lists it).</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> WaitForAsync(string address, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var emails = await ToAsync(address);
            if (emails.Count >= count || DateTime.UtcNow > deadline)
            {
                return emails;
            }

            await Task.Delay(100);
        }
    }

    public async Task ClearAsync() => (await Http.DeleteAsync(new Uri(apiBase, "email/all"))).EnsureSuccessStatusCode();
}
