using System.Globalization;
using System.Text.Json.Nodes;

namespace FhirOncology.Core.Patch;

/// <summary>JSON Pointer (RFC 6901) navigation and the add/remove primitives of JSON Patch (RFC 6902 §4).</summary>
internal static class JsonPointer
{
    public static IReadOnlyList<string> Parse(string pointer, int index)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        return pointer[0] != '/'
            ? throw JsonPatch.Invalid(index, $"has path '{pointer}', which is not a JSON Pointer")
            : [.. pointer[1..].Split('/').Select(token => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    public static JsonNode? Get(JsonNode document, IReadOnlyList<string> path, int index)
    {
        var node = document;
        foreach (var token in path)
        {
            node = node switch
            {
                JsonObject obj when obj.ContainsKey(token) => obj[token],
                JsonArray array when ArrayIndex(token, array.Count - 1) is { } i => array[i],
                _ => throw JsonPatch.Invalid(index, $"refers to '/{string.Join('/', path)}', which does not exist"),
            };
        }

        return node;
    }

    public static JsonNode Add(JsonNode document, IReadOnlyList<string> path, JsonNode? value, int index)
    {
        if (path.Count == 0)
        {
            return value ?? throw JsonPatch.Invalid(index, "replaces the whole document with null");
        }

        var parent = Get(document, path.Take(path.Count - 1).ToList(), index);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array when last == "-":
                array.Add(value);
                break;
            case JsonArray array when ArrayIndex(last, array.Count) is { } i:
                array.Insert(i, value);
                break;
            default:
                throw JsonPatch.Invalid(index, $"cannot add at '/{string.Join('/', path)}'");
        }

        return document;
    }

    public static (JsonNode Document, JsonNode? Removed) Remove(JsonNode document, IReadOnlyList<string> path, int index)
    {
        var parent = path.Count == 0 ? null : Get(document, path.Take(path.Count - 1).ToList(), index);
        var last = path.Count == 0 ? "" : path[^1];
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                var value = obj[last];
                obj.Remove(last);
                return (document, value);
            case JsonArray array when ArrayIndex(last, array.Count - 1) is { } i:
                var item = array[i];
                array.RemoveAt(i);
                return (document, item);
            default:
                throw JsonPatch.Invalid(index, $"removes '/{string.Join('/', path)}', which does not exist");
        }
    }

    private static int? ArrayIndex(string token, int max) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= max && (token == "0" || !token.StartsWith('0')) ? i : null;
}
