using System.Text;

namespace WellnessPlatform.Browser.Tests;

/// <summary>The tenant admin onboards people from a file on the People page and pages through the roster.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PeoplePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_admin_uploads_a_roster_file_follows_its_progress_sees_each_refused_line_and_pages_through_everyone()
    {
        var page = await fixture.SignInAsync("tenant-admin");
        await page.GotoAsync("/admin/people");
        await Axe.AssertCleanAsync(page, "admin-people");

        var csv = new StringBuilder("employeeId,department,name\n");
        for (var i = 0; i < 1_200; i++)
        {
            csv.Append(FormattableString.Invariant($"upload-{i:D4},{(i % 2 == 0 ? "warehouse" : "office")},Person {i}\n"));
        }

        csv.Append("Upload-Bad,office,Capital letters\n"); // line 1202
        csv.Append("upload-9999,kitchen,No such department\n"); // line 1203
        var file = Path.Combine(Path.GetTempPath(), $"roster-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, csv.ToString());

        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("form[enctype] button[type=submit]");

        // The page follows the upload until it is done, then shows the result and the refused lines.
        await page.WaitForSelectorAsync("[data-testid=import][data-phase=Completed]", new() { Timeout = 60_000 });
        Assert.Equal("1,200", await page.InnerTextAsync("[data-testid=import-created]"));
        Assert.Equal("2", await page.InnerTextAsync("[data-testid=import-rejected]"));
        var refused = await page.Locator("[data-testid=import-errors] tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, refused.Count);
        Assert.StartsWith("1202\temployeeId", refused[0], StringComparison.Ordinal);
        Assert.StartsWith("1203\tdepartment", refused[1], StringComparison.Ordinal);
        await Axe.AssertCleanAsync(page, "admin-people-upload");
        await BrowserFixture.ScreenshotAsync(page, "admin-people-upload");

        // The roster pages: every uploaded person appears exactly once across the pages.
        await page.GotoAsync("/admin/people");
        var seen = new List<string>();
        for (var pages = 0; pages < 100; pages++)
        {
            seen.AddRange((await page.Locator("[data-testid=invitations] tbody tr td:first-child").AllInnerTextsAsync()).Where(id => id.StartsWith("upload-", StringComparison.Ordinal)));
            var next = page.Locator("[data-testid=next-page]");
            if (await next.CountAsync() == 0)
            {
                break;
            }

            await next.ClickAsync();
        }

        Assert.Equal(1_200, seen.Count);
        Assert.Equal(1_200, seen.Distinct().Count());

        // The same file again changes nothing.
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("form[enctype] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=import][data-phase=Completed]", new() { Timeout = 60_000 });
        Assert.Equal("0", await page.InnerTextAsync("[data-testid=import-created]"));
        Assert.Equal("1,200", await page.InnerTextAsync("[data-testid=import-unchanged]"));
        File.Delete(file);
    }
}
