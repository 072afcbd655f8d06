using System.Text.Json;

namespace FhirOncology.Benchmarks.SearchBench;

/// <summary>What one searchset page held: matches, included resources, and whether there is a next page.</summary>
internal readonly record struct SearchPage(int Matches, int Includes, bool HasNext)
{
    /// <summary>Throws <see cref="JsonException"/> or <see cref="InvalidOperationException"/> when the body is not a searchset Bundle.</summary>
    public static SearchPage Parse(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.GetProperty("resourceType").GetString() != "Bundle" || root.GetProperty("type").GetString() != "searchset")
        {
            throw new InvalidOperationException("The answer is not a searchset Bundle.");
        }

        int matches = 0, includes = 0;
        if (root.TryGetProperty("entry", out var entries))
        {
            foreach (var entry in entries.EnumerateArray())
            {
                // search.mode is optional; an entry without it is a match.
                var mode = entry.TryGetProperty("search", out var search) && search.TryGetProperty("mode", out var value) ? value.GetString() : "match";
                if (mode == "include")
                {
                    includes++;
                }
                else if (mode == "match")
                {
                    matches++;
                }
            }
        }

        var hasNext = root.TryGetProperty("link", out var links)
            && links.EnumerateArray().Any(link => link.TryGetProperty("relation", out var relation) && relation.GetString() == "next");
        return new SearchPage(matches, includes, hasNext);
    }
}
