using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WellnessPlatform.Contracts;
using WellnessPlatform.Contracts.Employees;
using WellnessPlatform.Contracts.Isolation;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// The daily reminder over HTTP, on the real host and the collection's MailDev: bad input is a 400
/// naming the field that changes nothing, and the unsubscribe link in the email turns it off.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class NotificationTests(AzuriteFixture fixture)
{
    private const string Tenant = "mail";

    [Theory]
    [InlineData("24:00", null, "pat@example.com", null, "reminderTime")]
    [InlineData("23:60", null, "pat@example.com", null, "reminderTime")]
    [InlineData("07:00", 1500, "pat@example.com", null, "quietHours.minutes")]
    [InlineData("07:00", 1440, "pat@example.com", null, "quietHours.minutes")]
    [InlineData("07:00", null, "pat at example", null, "email")]
    [InlineData("07:00", null, "pat@example.com", "Mars/Olympus_Mons", "timeZone")]
    [InlineData("07:00", null, "pat@example.com", "W. Europe Standard Time", "timeZone")]
    public async Task Bad_input_answers_400_naming_the_field_and_changes_nothing(string time, int? quietMinutes, string email, string? zone, string field)
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(Tenant, "office");
        var (http, path) = await platform.ReadyEmployeeAsync(Tenant, "pat", "office");
        await http.SendOkAsync(HttpMethod.Put, $"{path}/notifications", new { dailyReminder = true, email = "first@example.com", reminderTime = "08:30" });

        var (status, problem) = await http.SendForAsync(HttpMethod.Put, $"{path}/notifications", new
        {
            dailyReminder = true,
            email,
            reminderTime = time,
            quietHours = quietMinutes is null ? null : new { start = "22:00", minutes = quietMinutes },
            timeZone = zone,
            streakNudge = true,
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]?[field]);
        var after = await http.SendOkAsync(HttpMethod.Get, $"{path}/notifications");
        Assert.Equal("first@example.com", (string?)after["email"]);
        Assert.Equal("08:30", (string?)after["reminderTime"]);
        Assert.Null(after["quietHours"]);
        Assert.Equal("Etc/UTC", (string?)after["timeZone"]);
        Assert.False((bool)after["streakNudge"]!);
    }

    [Fact]
    public async Task The_unsubscribe_link_in_the_email_turns_the_reminder_off_and_a_wrong_token_is_404()
    {
        await using var platform = fixture.NewPlatform(AzuriteFixture.NewServiceId());
        await platform.CreateTenantAsync(Tenant, "office");
        var (http, path) = await platform.ReadyEmployeeAsync(Tenant, "sam", "office");
        var address = $"sam-{Guid.NewGuid():N}@example.com";
        var dueAlready = DateTime.UtcNow.AddMinutes(-1).ToString("HH:mm", CultureInfo.InvariantCulture);
        await http.SendOkAsync(HttpMethod.Put, $"{path}/notifications", new { dailyReminder = true, email = address, reminderTime = dueAlready });

        // The reminder's tick, as the silo's reminder service delivers it.
        var grains = platform.Services.GetRequiredService<IGrainFactory>();
        using (TenantContext.System("test", Tenant))
        {
            var now = DateTime.UtcNow;
            await grains.GetGrain<IEmployeeGrain>(GrainKeys.Employee(Tenant, "sam")).AsReference<IRemindable>()
                .ReceiveReminder("daily-reminder", new TickStatus(now, TimeSpan.FromDays(1), now));
        }

        var email = Assert.Single(await fixture.MailDev.Inbox().WaitForAsync(address));
        Assert.DoesNotContain("pain", email.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("screening", email.Text, StringComparison.OrdinalIgnoreCase);
        var link = new Uri(UnsubscribeLink().Match(email.Text).Value);
        var anonymous = platform.CreateClient();

        var wrong = link.PathAndQuery[..(link.PathAndQuery.IndexOf("token=", StringComparison.Ordinal) + 6)] + "guessed";
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync(new Uri(wrong, UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(wrong, UriKind.Relative))).StatusCode);
        Assert.True((bool)(await http.SendOkAsync(HttpMethod.Get, $"{path}/notifications"))["dailyReminder"]!);

        var page = await anonymous.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<button", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var done = await anonymous.PostAsync(new Uri(link.PathAndQuery, UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.False((bool)(await http.SendOkAsync(HttpMethod.Get, $"{path}/notifications"))["dailyReminder"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync(new Uri(link.PathAndQuery, UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative))).StatusCode);
    }

    [GeneratedRegex(@"http://localhost/notifications/unsubscribe\?\S+")]
    private static partial Regex UnsubscribeLink();
}
