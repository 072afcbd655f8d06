namespace FhirOncology.Validation.Narrative;

/// <summary>
/// A small, allocation-light XML scanner for narrative XHTML (narrative.html#xhtml): checks well-formedness (nesting,
/// quoting, entity and character references, no DTD) and applies <see cref="NarrativeRules"/> to every element and
/// attribute. Only the five XML entities exist: <c>&amp;nbsp;</c> is not well-formed, as in any XML parser.
/// Throws <see cref="XhtmlSyntaxException"/> when not well-formed; returns rule problems otherwise.
/// </summary>
internal ref struct XhtmlScanner(string text)
{
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    private readonly string _text = text;
    private int _position;
    private List<string>? _problems;
    private bool _hasContent;

    /// <summary>Rule problems (null when none) and whether there is non-whitespace content (txt-2).</summary>
    public (List<string>? Problems, bool HasContent) Scan()
    {
        var open = new Stack<(int Start, int Length, bool InXhtml)>();
        var sawRoot = false;
        if (_text.StartsWith("<?xml", StringComparison.Ordinal))
        {
            _position = IndexOrThrow("?>", 5) + 2;
        }

        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c != '<')
            {
                var end = _text.IndexOf('<', _position);
                end = end < 0 ? _text.Length : end;
                var run = _text.AsSpan(_position, end - _position);
                if (!run.IsWhiteSpace())
                {
                    if (open.Count == 0)
                    {
                        throw new XhtmlSyntaxException("Text outside the root element.");
                    }

                    CheckReferences(run);
                    _hasContent = true;
                }

                _position = end;
                continue;
            }

            if (At("<!--"))
            {
                _position = IndexOrThrow("-->", _position + 4) + 3;
            }
            else if (At("<![CDATA["))
            {
                var end = IndexOrThrow("]]>", _position + 9);
                _hasContent |= !_text.AsSpan(_position + 9, end - _position - 9).IsWhiteSpace();
                _position = end + 3;
            }
            else if (At("<!"))
            {
                throw new XhtmlSyntaxException("DOCTYPE and other declarations are not allowed (DTD processing is prohibited).");
            }
            else if (At("<?"))
            {
                Problem("processing instructions are not allowed");
                _position = IndexOrThrow("?>", _position + 2) + 2;
            }
            else if (At("</"))
            {
                _position += 2;
                var (start, length) = Name();
                SkipSpace();
                Expect('>');
                if (open.Count == 0 || !Matches(open.Pop(), start, length))
                {
                    throw new XhtmlSyntaxException($"End tag </{_text.AsSpan(start, length)}> does not match the open element.");
                }
            }
            else
            {
                if (open.Count == 0 && sawRoot)
                {
                    throw new XhtmlSyntaxException("More than one root element.");
                }

                StartTag(open, isRoot: !sawRoot);
                sawRoot = true;
            }
        }

        if (open.Count > 0 || !sawRoot)
        {
            throw new XhtmlSyntaxException(sawRoot ? $"Element <{_text.AsSpan(open.Peek().Start, open.Peek().Length)}> is not closed." : "No root element.");
        }

        return (_problems, _hasContent);
    }

    private readonly bool Matches((int Start, int Length, bool InXhtml) open, int start, int length) =>
        _text.AsSpan(open.Start, open.Length).SequenceEqual(_text.AsSpan(start, length));

    private void Problem(string problem) => (_problems ??= []).Add(problem);

    private void StartTag(Stack<(int Start, int Length, bool InXhtml)> open, bool isRoot)
    {
        _position++;
        var (nameStart, nameLength) = Name();
        var name = _text.AsSpan(nameStart, nameLength);
        var inXhtml = open.Count > 0 && open.Peek().InXhtml;
        Span<(int Start, int Length)> seen = stackalloc (int, int)[16];
        var seenCount = 0;
        while (true)
        {
            var hadSpace = SkipSpace();
            if (_position >= _text.Length)
            {
                throw new XhtmlSyntaxException($"Start tag <{name}> is not closed.");
            }

            if (_text[_position] is '>' or '/')
            {
                break;
            }

            if (!hadSpace)
            {
                throw new XhtmlSyntaxException($"Attributes of <{name}> must be separated by whitespace.");
            }

            var (attributeStart, attributeLength) = Name();
            var attribute = _text.AsSpan(attributeStart, attributeLength);
            SkipSpace();
            Expect('=');
            SkipSpace();
            var quote = _position < _text.Length ? _text[_position] : '\0';
            if (quote is not ('"' or '\''))
            {
                throw new XhtmlSyntaxException($"Attribute '{attribute}' of <{name}> is not quoted.");
            }

            var end = _text.IndexOf(quote, _position + 1);
            if (end < 0)
            {
                throw new XhtmlSyntaxException($"The value of attribute '{attribute}' is not closed.");
            }

            var value = _text.AsSpan(_position + 1, end - _position - 1);
            if (value.Contains('<'))
            {
                throw new XhtmlSyntaxException($"'<' in the value of attribute '{attribute}'.");
            }

            CheckReferences(value);
            foreach (var (start, length) in seen[..seenCount])
            {
                if (_text.AsSpan(start, length).SequenceEqual(attribute))
                {
                    throw new XhtmlSyntaxException($"Attribute '{attribute}' repeated on <{name}>.");
                }
            }

            if (seenCount == seen.Length)
            {
                var larger = new (int, int)[seen.Length * 2];
                seen.CopyTo(larger);
                seen = larger;
            }

            seen[seenCount++] = (attributeStart, attributeLength);

            if (attribute.SequenceEqual("xmlns"))
            {
                inXhtml = value.SequenceEqual(XhtmlNamespace);
            }
            else
            {
                CheckAttribute(name, attribute, value);
            }

            _position = end + 1;
        }

        var selfClosing = _text[_position] == '/';
        _position += selfClosing ? 1 : 0;
        Expect('>');
        CheckElement(name, inXhtml, isRoot);
        if (!selfClosing)
        {
            open.Push((nameStart, nameLength, inXhtml));
        }
    }

    private void CheckElement(ReadOnlySpan<char> name, bool inXhtml, bool isRoot)
    {
        var prefixed = name.Contains(':');
        if (!inXhtml || prefixed)
        {
            Problem($"<{name}> is not in the XHTML namespace");
        }

        if (isRoot && !name.SequenceEqual("div"))
        {
            Problem($"the root must be a <div>, found <{name}>");
        }

        if (!NarrativeRules.IsAllowedElement(name))
        {
            Problem($"<{name}> is not allowed");
        }

        _hasContent |= name.SequenceEqual("img");
    }

    private void CheckAttribute(ReadOnlySpan<char> element, ReadOnlySpan<char> attribute, ReadOnlySpan<char> value)
    {
        if (attribute.StartsWith("xmlns:"))
        {
            return;
        }

        if (attribute.StartsWith("on", StringComparison.OrdinalIgnoreCase))
        {
            Problem($"event handler attribute '{attribute}' on <{element}> is not allowed");
        }
        else if (!NarrativeRules.IsAllowedAttribute(attribute))
        {
            Problem($"attribute '{attribute}' on <{element}> is not allowed");
        }
        else if ((attribute.SequenceEqual("href") || attribute.SequenceEqual("src")) && NarrativeRules.IsActiveUrl(value))
        {
            Problem($"'{attribute}' on <{element}> must not be a script URL");
        }
    }

    private (int Start, int Length) Name()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or ':' or '-' or '.'))
        {
            _position++;
        }

        if (_position == start || char.IsAsciiDigit(_text[start]) || _text[start] is '-' or '.')
        {
            throw new XhtmlSyntaxException("A name was expected.");
        }

        return (start, _position - start);
    }

    /// <summary>Only &amp;amp; &amp;lt; &amp;gt; &amp;quot; &amp;apos; and character references exist in XML without a DTD.</summary>
    private static void CheckReferences(ReadOnlySpan<char> text)
    {
        for (var amp = text.IndexOf('&'); amp >= 0; amp = text.IndexOf('&'))
        {
            text = text[(amp + 1)..];
            var semicolon = text.IndexOf(';');
            var reference = semicolon < 0 ? [] : text[..semicolon];
            var valid = reference is "amp" or "lt" or "gt" or "quot" or "apos"
                || (reference.Length > 1 && reference[0] == '#' && (reference[1] == 'x'
                    ? reference.Length > 2 && int.TryParse(reference[2..], System.Globalization.NumberStyles.HexNumber, null, out _)
                    : int.TryParse(reference[1..], System.Globalization.NumberStyles.None, null, out _)));
            if (!valid)
            {
                throw new XhtmlSyntaxException($"Reference to undeclared entity '&{reference.ToString()};'.");
            }
        }
    }

    private bool SkipSpace()
    {
        var start = _position;
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }

        return _position > start;
    }

    private bool At(string token) => _text.AsSpan(_position).StartsWith(token, StringComparison.Ordinal);

    private void Expect(char c)
    {
        if (_position >= _text.Length || _text[_position] != c)
        {
            throw new XhtmlSyntaxException($"'{c}' expected.");
        }

        _position++;
    }

    private int IndexOrThrow(string token, int from)
    {
        var index = _text.IndexOf(token, from, StringComparison.Ordinal);
        return index >= 0 ? index : throw new XhtmlSyntaxException($"'{token}' expected.");
    }
}
