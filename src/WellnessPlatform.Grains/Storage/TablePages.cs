using Azure;
using Azure.Data.Tables;

namespace WellnessPlatform.Grains.Storage;

/// <summary>
/// One page of a filtered query, topped up: a filter that matches few rows can leave Azure Table's pages
/// short (or empty, with a continuation), so a page is asked for again, up to a bound, until it is full.
/// </summary>
internal static class TablePages
{
    public static async Task<(List<T> Items, string? ContinuationToken)> ReadAsync<T>(
        TableClient table, string filter, IEnumerable<string> columns, int size, string? continuationToken, int maxRequests,
        Func<TableEntity, T> map, CancellationToken cancellationToken)
    {
        var items = new List<T>(size);
        var token = continuationToken;
        for (var request = 0; request < maxRequests && items.Count < size; request++)
        {
            // Only what is missing, so the token returned points just past the last item given.
            var wanted = size - items.Count;
            Page<TableEntity>? page = null;
            await foreach (var p in table.QueryAsync<TableEntity>(filter, wanted, columns, cancellationToken).AsPages(token, wanted))
            {
                page = p;
                break;
            }

            items.AddRange(page?.Values.Select(map) ?? []);
            token = page?.ContinuationToken;
            if (token is null)
            {
                break;
            }
        }

        return (items, token);
    }
}
