using System.Xml;
using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Narrative;

/// <summary>
/// The XHTML rules of narrative.html#xhtml (invariants txt-1 and txt-2): a <c>div</c> in the XHTML namespace, only
/// basic formatting elements and attributes, no scripts, event handlers, forms, frames, objects or external active
/// content, no javascript: links, and some non-whitespace content. Parsed with DTDs prohibited.
/// </summary>
internal sealed class NarrativeChecker
{
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

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
    };

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, // no entity expansion
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = false,
    };

    public void Check(ValidationSession session, string xhtml, InstancePath path, ElementNode element)
    {
        var problems = new List<string>();
        var hasContent = false;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xhtml), Settings);
            var first = true;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        CheckElement(reader, first, problems, ref hasContent);
                        first = false;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA:
                        hasContent |= !string.IsNullOrWhiteSpace(reader.Value);
                        break;
                    case XmlNodeType.ProcessingInstruction:
                        problems.Add("processing instructions are not allowed");
                        break;
                }
            }
        }
        catch (XmlException exception)
        {
            session.Error(path, OperationOutcome.IssueType.Invalid, $"The narrative is not well-formed XHTML: {exception.Message}", element, "txt-1");
            return;
        }

        foreach (var problem in problems.Distinct(StringComparer.Ordinal))
        {
            session.Error(path, OperationOutcome.IssueType.Invariant,
                $"Narrative: {problem} (txt-1, narrative.html#xhtml: only basic HTML formatting, no active content).", element, "txt-1");
        }

        if (!hasContent)
        {
            session.Error(path, OperationOutcome.IssueType.Invariant, "The narrative has no non-whitespace content (txt-2).", element, "txt-2");
        }
    }

    private static void CheckElement(XmlReader reader, bool isRoot, List<string> problems, ref bool hasContent)
    {
        var name = reader.LocalName;
        if (reader.NamespaceURI != XhtmlNamespace)
        {
            problems.Add($"<{reader.Name}> is not in the XHTML namespace");
        }

        if (isRoot && name != "div")
        {
            problems.Add($"the root must be a <div>, found <{name}>");
        }

        if (!Elements.Contains(name))
        {
            problems.Add($"<{name}> is not allowed");
        }

        hasContent |= name == "img";
        if (!reader.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            var attribute = reader.LocalName;
            if (reader.Prefix == "xmlns" || attribute == "xmlns" || reader.Name == "xml:lang" || reader.Name == "xml:space")
            {
                continue;
            }

            if (attribute.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"event handler attribute '{attribute}' on <{name}> is not allowed");
            }
            else if (!Attributes.Contains(attribute) || reader.NamespaceURI.Length > 0)
            {
                problems.Add($"attribute '{reader.Name}' on <{name}> is not allowed");
            }
            else if (attribute is "href" or "src" && IsActiveUrl(reader.Value))
            {
                problems.Add($"'{attribute}' on <{name}> must not be a script URL");
            }
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
    }

    private static bool IsActiveUrl(string url)
    {
        var trimmed = url.TrimStart();
        return trimmed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("data:text/html", StringComparison.OrdinalIgnoreCase);
    }
}
