using FhirOncology.Core.Errors;

namespace FhirOncology.Core.Search;

/// <summary>Splits a query string (as in an If-None-Exist header or a conditional reference) into decoded pairs.</summary>
public static class QueryString
{
    /// <summary><c>a=1&amp;b=2</c>, with or without a leading <c>?</c> or <c>Type?</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Split(string queryString)
    {
        var query = queryString;
        var questionMark = query.IndexOf('?', StringComparison.Ordinal);
        if (questionMark >= 0)
        {
            query = query[(questionMark + 1)..];
        }

        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw FhirException.BadRequest($"Malformed query parameter '{part}'.");
            }

            yield return new(Uri.UnescapeDataString(part[..equals]), Uri.UnescapeDataString(part[(equals + 1)..].Replace('+', ' ')));
        }
    }
}
