using System.Runtime.InteropServices;
using System.Text.Json;

namespace FhirOncology.Validation.Invariants.JsonPath;

/// <summary>
/// Evaluates the FHIRPath subset on JSON with the spec's collection semantics (fhirpath.html): navigation flattens
/// arrays, a choice element is found by its name without the type suffix, comparisons with an empty side are empty,
/// and the boolean operators use three-valued logic. Unsupported cases throw <see cref="FhirPathSubsetException"/>.
/// </summary>
internal static partial class FpEvaluator
{
    private static readonly List<FpItem> True = [FpItem.FromBool(true)];
    private static readonly List<FpItem> False = [FpItem.FromBool(false)];
    private static readonly List<FpItem> Empty = [];

    /// <summary>A shared one-item boolean result (results are read, never mutated).</summary>
    private static List<FpItem> Bool(bool value) => value ? True : False;

    public static List<FpItem> Evaluate(FpExpression expression, List<FpItem> focus, in FpEnvironment environment)
    {
        switch (expression.Kind)
        {
            case FpKind.Literal:
                return expression.LiteralCollection;
            case FpKind.This:
                return focus;
            case FpKind.Variable:
                return Variable(expression.Name, environment);
            case FpKind.Member when expression.Receiver is null && char.IsAsciiLetterUpper(expression.Name[0]):
                return OfFocusType(focus, expression.Name);
            case FpKind.Member:
                return Navigate(expression.Receiver is null ? focus : Evaluate(expression.Receiver, focus, environment), expression);
            case FpKind.Index:
                var items = Evaluate(expression.Receiver!, focus, environment);
                var index = Single(Evaluate(expression.Arguments[0], focus, environment))?.Primitive;
                return index is { Kind: FpItemKind.Number } i && i.Number >= 0 && i.Number < items.Count ? [items[(int)i.Number]] : Empty;
            case FpKind.TypeTest or FpKind.TypeCast:
                return TypeOperation(expression, Evaluate(expression.Receiver!, focus, environment));
            case FpKind.Function:
                return Function(expression, expression.Receiver is null ? focus : Evaluate(expression.Receiver, focus, environment), focus, environment);
            case FpKind.Binary:
                return Binary(expression, focus, environment);
            default:
                throw new FhirPathSubsetException();
        }
    }

    private static List<FpItem> Variable(string name, in FpEnvironment environment) => name switch
    {
        "context" => [environment.Context],
        "resource" => [FpItem.FromJson(environment.Resource, environment.ResourceType)],
        "rootResource" => [FpItem.FromJson(environment.RootResource, environment.RootResourceType)],
        "extension" when environment.Extension is { } extension => [FpItem.FromJson(extension, "Extension")],
        "ucum" => [FpItem.FromString("http://unitsofmeasure.org")],
        "sct" => [FpItem.FromString("http://snomed.info/sct")],
        "loinc" => [FpItem.FromString("http://loinc.org")],
        _ => throw new FhirPathSubsetException($"%{name}"),
    };

    /// <summary>
    /// A path that starts with a type name (<c>Observation.component</c>) keeps the focus items of that type
    /// (fhirpath.html#path-selection); FHIR element names never start with a capital.
    /// </summary>
    private static List<FpItem> OfFocusType(List<FpItem> focus, string typeName)
    {
        var result = new List<FpItem>(focus.Count);
        foreach (var item in focus)
        {
            var type = item.Type.Length > 0 ? item.Type
                : item.Kind == FpItemKind.Json && item.Json.ValueKind == JsonValueKind.Object && item.Json.TryGetProperty("resourceType", out var rt)
                    && rt.ValueKind == JsonValueKind.String ? rt.GetString()!
                : throw new FhirPathSubsetException("Type of the focus not known from the JSON.");
            if (type == typeName)
            {
                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>Children by name; a name without its choice suffix finds the typed JSON property (<c>value</c> → <c>valueQuantity</c>).</summary>
    private static List<FpItem> Navigate(List<FpItem> input, FpExpression member)
    {
        var result = new List<FpItem>();
        foreach (var item in input)
        {
            if (item.Kind != FpItemKind.Json || item.Json.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            // UTF-8 names: no transcoding per lookup (JsonElement property lookups are linear scans).
            if (item.Json.TryGetProperty(member.NameUtf8, out var child) || item.Json.TryGetProperty(member.ShadowNameUtf8, out child))
            {
                AddFlattened(result, child, "", item.Json, member.ShadowName);
                continue;
            }

            foreach (var property in item.Json.EnumerateObject())
            {
                if (JsonMarshal.GetRawUtf8PropertyName(property).StartsWith(member.NameUtf8)
                    && Structure.ChoiceSuffix.TypeOf(property.Name, member.Name) is { } type)
                {
                    AddFlattened(result, property.Value, type, item.Json, "_" + property.Name);
                }
            }
        }

        return result;
    }

    /// <summary>Adds a property's value(s); a primitive known only by its <c>_name</c> companion counts as present but valueless.</summary>
    private static void AddFlattened(List<FpItem> result, JsonElement value, string type, JsonElement parent, string shadowName)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var entry in value.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Null)
                {
                    result.Add(FpItem.FromJson(entry, type));
                }
                else if (parent.TryGetProperty(shadowName, out var shadows) && shadows.ValueKind == JsonValueKind.Array
                         && shadows.GetArrayLength() > index && shadows[index].ValueKind == JsonValueKind.Object)
                {
                    result.Add(FpItem.FromJson(shadows[index], type));
                }

                index++;
            }
        }
        else if (value.ValueKind != JsonValueKind.Null)
        {
            result.Add(FpItem.FromJson(value, type));
        }
    }

    private static List<FpItem> TypeOperation(FpExpression expression, List<FpItem> input)
    {
        if (input.Count == 0)
        {
            return Empty;
        }

        if (input.Count > 1)
        {
            throw new FhirPathSubsetException("Type operation on a collection.");
        }

        var matches = IsType(input[0], expression.Name);
        return expression.Kind == FpKind.TypeTest ? Bool(matches) : matches ? input : Empty;
    }

    private static bool IsType(FpItem item, string typeName)
    {
        var name = typeName[(typeName.LastIndexOf('.') + 1)..];
        var type = item.Type;
        if (type.Length == 0)
        {
            // Unknown element type, but a JSON primitive is never a complex type and an object never a primitive.
            var wantsPrimitive = Structure.PrimitiveTypes.IsPrimitive(char.ToLowerInvariant(name[0]) + name[1..]);
            var isObject = item.Kind == FpItemKind.Json && item.Json.ValueKind == JsonValueKind.Object;
            if (wantsPrimitive == isObject)
            {
                return false;
            }

            throw new FhirPathSubsetException("Type of an item not known from the JSON.");
        }

        return string.Equals(type, name, StringComparison.OrdinalIgnoreCase);
    }

    private static FpItem? Single(List<FpItem> items) =>
        items.Count switch
        {
            0 => null,
            1 => items[0],
            _ => throw new FhirPathSubsetException("Expected a single item."),
        };
}
