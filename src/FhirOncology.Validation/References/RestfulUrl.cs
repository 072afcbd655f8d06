namespace FhirOncology.Validation.References;

/// <summary>
/// A RESTful resource URL (references.html#literal, the regex of bundle.html#references):
/// <c>[base]/[type]/[id]</c>, optionally <c>/_history/[vid]</c>; relative when the base is empty. Parsed by hand: every
/// reference of every instance goes through here.
/// </summary>
internal sealed record RestfulUrl(string Base, string Type, string Id, string? Version)
{
    private const string History = "/_history/";

    /// <summary><c>[base][type]/[id]</c>, without the version.</summary>
    public string VersionIndependent => $"{Base}{Type}/{Id}";

    public static RestfulUrl? Parse(string url)
    {
        var path = url.AsSpan();
        string? version = null;
        var history = url.IndexOf(History, StringComparison.Ordinal);
        if (history >= 0)
        {
            var vid = path[(history + History.Length)..];
            if (!IsId(vid))
            {
                return null;
            }

            version = vid.ToString();
            path = path[..history];
        }

        var slash = path.LastIndexOf('/');
        if (slash <= 0 || !IsId(path[(slash + 1)..]))
        {
            return null;
        }

        var typeStart = path[..slash].LastIndexOf('/') + 1;
        var type = path[typeStart..slash];
        var @base = path[..typeStart];
        if (!IsTypeName(type) || !IsBase(@base))
        {
            return null;
        }

        return new RestfulUrl(@base.ToString(), type.ToString(), path[(slash + 1)..].ToString(), version);
    }

    /// <summary>datatypes.html#id: 1 to 64 of A-Z, a-z, 0-9, '-' and '.'.</summary>
    private static bool IsId(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > 64)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTypeName(ReadOnlySpan<char> text)
    {
        if (text.Length < 2 || !char.IsAsciiLetterUpper(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Empty (a relative URL) or <c>http(s)://</c> followed by path segments, each ending in '/'.</summary>
    private static bool IsBase(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return true;
        }

        var rest = text.StartsWith("https://", StringComparison.Ordinal) ? text[8..]
            : text.StartsWith("http://", StringComparison.Ordinal) ? text[7..]
            : [];
        if (rest.IsEmpty)
        {
            return false;
        }

        foreach (var c in rest)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '\\' or '.' or ':' or '%' or '$' or '/'))
            {
                return false;
            }
        }

        return true;
    }
}
