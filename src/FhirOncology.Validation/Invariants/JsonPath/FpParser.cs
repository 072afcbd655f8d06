using System.Globalization;
using System.Text;

namespace FhirOncology.Validation.Invariants.JsonPath;

/// <summary>
/// Parses the FHIRPath subset (fhirpath.html#grammar) used by invariants: paths, literals, $this, %variables,
/// function calls, indexers, and the operators with their spec precedence. Anything else throws
/// <see cref="FhirPathSubsetException"/>, and the SDK's engine handles that expression.
/// </summary>
internal sealed class FpParser
{
    private static readonly string[][] Levels =
    [
        ["implies"], ["or", "xor"], ["and"], ["in", "contains"], ["=", "!=", "~", "!~"], ["<", ">", "<=", ">="], ["|"],
    ];

    private readonly List<string> _tokens;
    private int _position;

    private FpParser(List<string> tokens) => _tokens = tokens;

    public static FpExpression Parse(string expression)
    {
        var parser = new FpParser(Tokenize(expression));
        var result = parser.Binary(0);
        if (parser._position != parser._tokens.Count)
        {
            throw new FhirPathSubsetException($"Unexpected '{parser._tokens[parser._position]}'.");
        }

        return result;
    }

    private string? Peek => _position < _tokens.Count ? _tokens[_position] : null;

    private FpExpression Binary(int level)
    {
        if (level == Levels.Length)
        {
            return TypeOperation();
        }

        var left = Binary(level + 1);
        while (Peek is { } op && Levels[level].Contains(op))
        {
            _position++;
            left = new FpExpression { Kind = FpKind.Binary, Name = op, Arguments = [left, Binary(level + 1)] };
        }

        return left;
    }

    private FpExpression TypeOperation()
    {
        var left = Additive();
        while (Peek is "is" or "as")
        {
            var op = _tokens[_position++];
            left = new FpExpression { Kind = op == "is" ? FpKind.TypeTest : FpKind.TypeCast, Name = TypeName(), Receiver = left };
        }

        return left;
    }

    private FpExpression Additive()
    {
        var left = Invocation();
        while (Peek is "+" or "-" or "&")
        {
            var op = _tokens[_position++];
            left = new FpExpression { Kind = FpKind.Binary, Name = op, Arguments = [left, Invocation()] };
        }

        return left;
    }

    private string TypeName()
    {
        var name = Next();
        while (Peek == ".")
        {
            _position++;
            name += "." + Next();
        }

        return name;
    }

    private FpExpression Invocation()
    {
        var term = Term(receiver: null);
        while (Peek is "." or "[")
        {
            if (_tokens[_position++] == ".")
            {
                term = Term(term);
            }
            else
            {
                var index = Binary(0);
                Expect("]");
                term = new FpExpression { Kind = FpKind.Index, Receiver = term, Arguments = [index] };
            }
        }

        return term;
    }

    private FpExpression Term(FpExpression? receiver)
    {
        var token = Next();
        if (receiver is null)
        {
            switch (token)
            {
                case "(":
                    var inner = Binary(0);
                    Expect(")");
                    return inner;
                case "$this":
                    return new FpExpression { Kind = FpKind.This };
                case "true" or "false":
                    return new FpExpression { Kind = FpKind.Literal, Literal = FpItem.FromBool(token == "true") };
            }

            if (token[0] == '\'')
            {
                return new FpExpression { Kind = FpKind.Literal, Literal = FpItem.FromString(token[1..]) };
            }

            if (char.IsAsciiDigit(token[0]))
            {
                return new FpExpression { Kind = FpKind.Literal, Literal = FpItem.FromNumber(decimal.Parse(token, CultureInfo.InvariantCulture)) };
            }

            if (token[0] == '%')
            {
                return new FpExpression { Kind = FpKind.Variable, Name = token[1..] };
            }
        }

        if (!IsIdentifier(token))
        {
            throw new FhirPathSubsetException($"Unexpected '{token}'.");
        }

        if (Peek != "(")
        {
            return new FpExpression { Kind = FpKind.Member, Name = token.Trim('`'), Receiver = receiver };
        }

        _position++;
        var arguments = new List<FpExpression>();
        while (Peek != ")")
        {
            arguments.Add(token is "ofType" or "is" or "as" ? new FpExpression { Kind = FpKind.Literal, Literal = FpItem.FromString(TypeName()) } : Binary(0));
            if (Peek == ",")
            {
                _position++;
            }
        }

        Expect(")");
        return new FpExpression { Kind = FpKind.Function, Name = token, Receiver = receiver, Arguments = arguments };
    }

    private static bool IsIdentifier(string token) =>
        token[0] == '`' || char.IsAsciiLetter(token[0]) || token[0] == '_';

    private string Next() =>
        _position < _tokens.Count ? _tokens[_position++] : throw new FhirPathSubsetException("Unexpected end of expression.");

    private void Expect(string token)
    {
        if (Next() != token)
        {
            throw new FhirPathSubsetException($"Expected '{token}'.");
        }
    }

    /// <summary>Tokens; a string literal is kept as <c>'</c> followed by its unescaped text.</summary>
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                var literal = new StringBuilder("'");
                for (i++; i < text.Length && text[i] != '\''; i++)
                {
                    if (text[i] == '\\')
                    {
                        throw new FhirPathSubsetException("Escapes in string literals.");
                    }

                    literal.Append(text[i]);
                }

                i++;
                tokens.Add(literal.ToString());
            }
            else if (c == '`')
            {
                var end = text.IndexOf('`', i + 1);
                tokens.Add(text[i..(end + 1)]);
                i = end + 1;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '%')
            {
                var start = i++;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_' || (text[i] == '.' && char.IsAsciiDigit(text[start]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                var op = two is "!=" or "<=" or ">=" or "!~" ? two : c.ToString();
                if (!"!=<>()[],.|+-&~".Contains(op[0], StringComparison.Ordinal) || op == "!")
                {
                    throw new FhirPathSubsetException($"Operator '{op}'.");
                }

                tokens.Add(op);
                i += op.Length;
            }
        }

        return tokens;
    }
}
