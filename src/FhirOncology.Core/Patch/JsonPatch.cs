using System.Text.Json;
using System.Text.Json.Nodes;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Serialization;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Patch;

/// <summary>
/// JSON Patch (RFC 6902) applied to the resource's FHIR JSON: add, remove, replace, move, copy and test, with
/// JSON Pointer paths (RFC 6901). The result is parsed again as FHIR, so a patch cannot produce an invalid resource.
/// </summary>
public sealed class JsonPatch(JsonArray operations, FhirSerializer serializer) : IPatch
{
    public static JsonPatch Parse(ReadOnlySpan<byte> body, FhirSerializer serializer)
    {
        try
        {
            return JsonNode.Parse(body) is JsonArray operations
                ? new JsonPatch(operations, serializer)
                : throw FhirException.BadRequest("A JSON Patch document is a JSON array of operations (RFC 6902).");
        }
        catch (JsonException ex)
        {
            throw FhirException.BadRequest($"The JSON Patch document is not valid JSON: {ex.Message}");
        }
    }

    public Resource Apply(Resource current)
    {
        JsonNode document = JsonNode.Parse(serializer.ToJsonBytes(current))!;
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i] as JsonObject ?? throw Invalid(i, "is not an object");
            var op = Text(operation, "op", i);
            var path = JsonPointer.Parse(Text(operation, "path", i), i);
            document = op switch
            {
                "add" => JsonPointer.Add(document, path, Value(operation, i), i),
                "remove" => JsonPointer.Remove(document, path, i).Document,
                "replace" => JsonPointer.Add(JsonPointer.Remove(document, path, i).Document, path, Value(operation, i), i),
                "move" => Move(document, JsonPointer.Parse(Text(operation, "from", i), i), path, i),
                "copy" => JsonPointer.Add(document, path, JsonPointer.Get(document, JsonPointer.Parse(Text(operation, "from", i), i), i)?.DeepClone(), i),
                "test" => JsonNode.DeepEquals(JsonPointer.Get(document, path, i), Value(operation, i))
                    ? document
                    : throw new FhirException(System.Net.HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.Processing,
                        $"JSON Patch operation {i} (test) failed: the value at '{Text(operation, "path", i)}' differs."),
                _ => throw Invalid(i, $"has unknown op '{op}'"),
            };
        }

        var patched = serializer.Parse(JsonSerializer.SerializeToUtf8Bytes(document), FhirFormat.Json);
        return patched;
    }

    private static JsonNode Move(JsonNode document, IReadOnlyList<string> from, IReadOnlyList<string> path, int index)
    {
        var (withoutSource, value) = JsonPointer.Remove(document, from, index);
        return JsonPointer.Add(withoutSource, path, value, index);
    }

    private static string Text(JsonObject operation, string name, int index) =>
        operation[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw Invalid(index, $"has no string '{name}'");

    private static JsonNode? Value(JsonObject operation, int index) =>
        operation.ContainsKey("value") ? operation["value"]?.DeepClone() : throw Invalid(index, "has no 'value'");

    internal static FhirException Invalid(int index, string problem) =>
        FhirException.BadRequest($"JSON Patch operation {index} {problem}.");
}
