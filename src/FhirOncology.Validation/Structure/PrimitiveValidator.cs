using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FhirOncology.Validation.Structure;

/// <summary>
/// Checks a primitive's JSON type (json.html#primitive) and lexical form against the regexes of
/// datatypes.html#primitive. Returns null when the value is fine, else the problem.
/// </summary>
internal static partial class PrimitiveValidator
{
    private const int MaxStringBytes = 1024 * 1024;

    private const string YearPattern = "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)";
    private const string TimeZonePattern = "(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))";
    private const string TimePattern = "([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?";

    public static string? Check(JsonElement value, string typeCode)
    {
        if (PrimitiveTypes.IsBoolean(typeCode))
        {
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : WrongJson(value, "a JSON boolean", typeCode);
        }

        if (PrimitiveTypes.IsNumber(typeCode))
        {
            return value.ValueKind == JsonValueKind.Number ? CheckNumber(value, typeCode) : WrongJson(value, "a JSON number", typeCode);
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return WrongJson(value, "a JSON string", typeCode);
        }

        // The raw UTF-8 token (with its quotes) is checked without allocating a string; escaped text is rare.
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var body = raw[1..^1];
        if (body.IsEmpty)
        {
            return $"A {typeCode} value must not be empty (json.html#primitive: empty strings are not allowed).";
        }

        if (typeCode is "string" or "markdown" or "xhtml")
        {
            return body.Length <= MaxStringBytes ? null : $"A {typeCode} must not be longer than 1 MB (datatypes.html#string).";
        }

        if (body.Length > 4096 || body.Contains((byte)'\\'))
        {
            var text = value.GetString()!;
            return IsValid(text, typeCode) ? null : Invalid(text, typeCode);
        }

        Span<char> chars = stackalloc char[body.Length];
        var length = Encoding.UTF8.GetChars(body, chars);
        var span = chars[..length];
        return IsValid(span, typeCode) ? null : Invalid(span.ToString(), typeCode);
    }

    private static bool IsValid(ReadOnlySpan<char> text, string typeCode) => typeCode switch
    {
        "code" => Code().IsMatch(text),
        "id" => Id().IsMatch(text),
        "uri" or "url" or "canonical" => NoWhitespace().IsMatch(text),
        "oid" => Oid().IsMatch(text),
        "uuid" => Uuid().IsMatch(text),
        "base64Binary" => Base64().IsMatch(text),
        "date" => Date().IsMatch(text) && IsRealDate(text),
        "dateTime" => DateTime().IsMatch(text) && IsRealDate(text),
        "instant" => Instant().IsMatch(text) && IsRealDate(text),
        "time" => Time().IsMatch(text),
        "integer64" => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        _ => true,
    };

    private static string Invalid(string text, string typeCode) => $"'{Shorten(text)}' is not a valid {typeCode} (datatypes.html#{typeCode}).";

    private static string? CheckNumber(JsonElement value, string typeCode)
    {
        if (typeCode == "decimal")
        {
            return null;
        }

        if (!value.TryGetInt32(out var number))
        {
            return $"'{value.GetRawText()}' is not a valid {typeCode}: a 32-bit whole number is required (datatypes.html#{typeCode}).";
        }

        return typeCode switch
        {
            "positiveInt" when number < 1 => $"{number} is not a valid positiveInt: it must be 1 or more.",
            "unsignedInt" when number < 0 => $"{number} is not a valid unsignedInt: it must be 0 or more.",
            _ => null,
        };
    }

    /// <summary>Rejects dates the regex lets through but the calendar does not have (2023-02-30).</summary>
    private static bool IsRealDate(ReadOnlySpan<char> text) =>
        text.Length < 10 || System.DateTime.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string WrongJson(JsonElement value, string expected, string typeCode) =>
        $"A {typeCode} must be {expected} (json.html#primitive), found {Describe(value.ValueKind)}.";

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    [GeneratedRegex(@"^[^\s]+(\s[^\s]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Code();

    [GeneratedRegex(@"^[A-Za-z0-9\-\.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();

    [GeneratedRegex(@"^\S*$", RegexOptions.CultureInvariant)]
    private static partial Regex NoWhitespace();

    [GeneratedRegex(@"^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Oid();

    [GeneratedRegex(@"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid();

    [GeneratedRegex(@"^(\s*([0-9a-zA-Z\+/=]){4}\s*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Base64();

    [GeneratedRegex("^" + YearPattern + "(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex("^" + YearPattern + "(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T" + TimePattern + TimeZonePattern + ")?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTime();

    [GeneratedRegex("^" + YearPattern + "-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T" + TimePattern + TimeZonePattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex Instant();

    [GeneratedRegex("^" + TimePattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex Time();
}
