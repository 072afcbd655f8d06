namespace FhirOncology.Validation.Narrative;

/// <summary>
/// What narrative XHTML may contain (narrative.html#xhtml, txt-1): the basic HTML formatting elements and
/// attributes, with span lookups so the scanner checks names without allocating them.
/// </summary>
internal static class NarrativeRules
{
    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "a", "span", "b", "em", "i", "strong", "small", "big", "tt",
        "dfn", "q", "var", "abbr", "acronym", "cite", "blockquote", "hr", "address", "bdo", "kbd", "sub", "sup", "ul", "ol",
        "li", "dl", "dt", "dd", "pre", "table", "caption", "colgroup", "col", "thead", "tr", "tfoot", "tbody", "th", "td",
        "code", "samp", "img", "map", "area", "s", "u", "ins", "del",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        "title", "style", "class", "id", "lang", "dir", "accesskey", "tabindex", "href", "name", "src", "alt", "longdesc",
        "height", "width", "border", "hspace", "vspace", "align", "summary", "frame", "rules", "cellspacing", "cellpadding",
        "abbr", "axis", "headers", "scope", "rowspan", "colspan", "char", "charoff", "valign", "span", "start", "type",
        "value", "cite", "datetime", "shape", "coords", "nowrap", "compact", "clear", "bgcolor", "color", "size", "face",
        "xml:lang", "xml:space",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ElementLookup = Elements.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AttributeLookup = Attributes.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsAllowedElement(ReadOnlySpan<char> name) => ElementLookup.Contains(name);

    public static bool IsAllowedAttribute(ReadOnlySpan<char> name) => AttributeLookup.Contains(name);

    /// <summary>A link or image source that would run script.</summary>
    public static bool IsActiveUrl(ReadOnlySpan<char> url)
    {
        var trimmed = url.TrimStart();
        return trimmed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("data:text/html", StringComparison.OrdinalIgnoreCase);
    }
}
