using System.Text;
using Azure.Data.Tables;

namespace WellnessPlatform.Integration.Tests;

/// <summary>
/// Reads every entity of every table in Azurite, bypassing the platform, and reports where any of the
/// given needles occurs: keys, string properties, and binary properties (Orleans' binary state stores
/// strings as UTF-8, Guids as 16 raw bytes).
/// </summary>
internal static class TableScanner
{
    /// <summary>A needle as text (searched in strings and as UTF-8 bytes) and, optionally, extra raw byte forms.</summary>
    public sealed record Needle(string Text, params byte[][] RawForms);

    public static Needle ForGuid(Guid value) =>
        new(value.ToString("D"), value.ToByteArray(), value.ToByteArray(bigEndian: true), Encoding.UTF8.GetBytes(value.ToString("N")));

    /// <summary>Every hit as "table | partition | row | property".</summary>
    public static async Task<List<string>> FindAsync(string connectionString, Needle needle)
    {
        var service = new TableServiceClient(connectionString);
        var forms = needle.RawForms.Append(Encoding.UTF8.GetBytes(needle.Text)).ToList();
        var hits = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                foreach (var (name, value) in entity)
                {
                    if (Contains(value, needle.Text, forms))
                    {
                        hits.Add($"{table.Name} | {entity.PartitionKey} | {entity.RowKey} | {name}");
                    }
                }
            }
        }

        return hits;
    }

    private static bool Contains(object? value, string text, List<byte[]> forms) => value switch
    {
        string s => s.Contains(text, StringComparison.OrdinalIgnoreCase),
        byte[] bytes => forms.Any(f => bytes.AsSpan().IndexOf(f) >= 0),
        BinaryData data => forms.Any(f => data.ToMemory().Span.IndexOf(f) >= 0),
        _ => false,
    };
}
