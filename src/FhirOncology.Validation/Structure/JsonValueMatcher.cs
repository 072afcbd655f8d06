using System.Runtime.InteropServices;
using System.Text.Json;

namespace FhirOncology.Validation.Structure;

/// <summary>
/// Compares JSON values for <c>fixed[x]</c> (exact: same properties, same values, same array items in order) and
/// <c>pattern[x]</c> (profiling.html#pattern: every property of the pattern is present with a matching value; each
/// item of a pattern array matches some item of the instance array, so a CodeableConcept pattern with one coding
/// matches any CodeableConcept that has that coding among others).
/// </summary>
internal static class JsonValueMatcher
{
    public static bool AreEqual(JsonElement expected, JsonElement actual)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return false;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var property in expected.EnumerateObject())
                {
                    count++;
                    if (!actual.TryGetProperty(property.Name, out var other) || !AreEqual(property.Value, other))
                    {
                        return false;
                    }
                }

                return count == actual.EnumerateObject().Count();
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return false;
                }

                using (var left = expected.EnumerateArray())
                using (var right = actual.EnumerateArray())
                {
                    while (left.MoveNext() && right.MoveNext())
                    {
                        if (!AreEqual(left.Current, right.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            default:
                return PrimitiveEquals(expected, actual);
        }
    }

    public static bool Contains(JsonElement pattern, JsonElement actual)
    {
        switch (pattern.ValueKind)
        {
            case JsonValueKind.Object:
                if (actual.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                foreach (var property in pattern.EnumerateObject())
                {
                    if (!actual.TryGetProperty(property.Name, out var other) || !Contains(property.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                if (actual.ValueKind != JsonValueKind.Array)
                {
                    return false;
                }

                foreach (var wanted in pattern.EnumerateArray())
                {
                    var found = false;
                    foreach (var candidate in actual.EnumerateArray())
                    {
                        if (Contains(wanted, candidate))
                        {
                            found = true;
                            break;
                        }
                    }

                    if (!found)
                    {
                        return false;
                    }
                }

                return true;
            default:
                return actual.ValueKind == pattern.ValueKind && PrimitiveEquals(pattern, actual);
        }
    }

    private static bool PrimitiveEquals(JsonElement expected, JsonElement actual) => expected.ValueKind switch
    {
        JsonValueKind.String => StringEquals(expected, actual),
        JsonValueKind.Number => expected.GetDecimal() == actual.GetDecimal(),
        _ => expected.ValueKind == actual.ValueKind,
    };

    /// <summary>Compares the raw UTF-8 of two JSON strings; only escaped text needs decoding.</summary>
    private static bool StringEquals(JsonElement expected, JsonElement actual)
    {
        var left = JsonMarshal.GetRawUtf8Value(expected);
        var right = JsonMarshal.GetRawUtf8Value(actual);
        return left.Contains((byte)'\\') || right.Contains((byte)'\\')
            ? expected.ValueEquals(actual.GetString())
            : left.SequenceEqual(right);
    }

    /// <summary>Compact JSON for messages.</summary>
    public static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        text = string.Join(' ', text.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim()));
        return text.Length <= 200 ? text : text[..197] + "...";
    }
}
