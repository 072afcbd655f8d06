using System.Text.Json;
using FhirOncology.Validation.References;
using FhirOncology.Validation.Structure;

namespace FhirOncology.Validation.Slicing;

/// <summary>Evaluates discriminator steps on an instance item (JSON), resolving references within the instance.</summary>
internal static class InstancePathEvaluator
{
    public static List<DiscriminatorValue> Evaluate(ValueItem item, List<string> steps, ResourceScope scope)
    {
        var current = new List<DiscriminatorValue>();
        if (item.Value is { } value)
        {
            current.Add(new DiscriminatorValue(value, TypeOf(value, item.TypeCode), item.Path));
        }

        foreach (var step in steps)
        {
            var next = new List<DiscriminatorValue>();
            foreach (var node in current)
            {
                Step(node, step, scope, next);
            }

            current = next;
            if (current.Count == 0)
            {
                break;
            }
        }

        return current;
    }

    private static void Step(DiscriminatorValue node, string step, ResourceScope scope, List<DiscriminatorValue> next)
    {
        if (step == "resolve()")
        {
            if (node.Value.ValueKind == JsonValueKind.Object && node.Value.TryGetProperty("reference", out var reference)
                && reference.ValueKind == JsonValueKind.String && ReferenceTarget.TryResolve(scope, reference.GetString()!, out var target))
            {
                next.Add(new DiscriminatorValue(target.Resource, TypeOf(target.Resource, "Resource"), target.Path));
            }

            return;
        }

        if (DiscriminatorPath.Argument(step, "extension") is { } url)
        {
            foreach (var extension in Children(node, "extension"))
            {
                if (extension.Value.TryGetProperty("url", out var u) && u.ValueEquals(url))
                {
                    next.Add(extension with { TypeCode = "Extension" });
                }
            }

            return;
        }

        if (DiscriminatorPath.Argument(step, "ofType") is { } type)
        {
            if (node.TypeCode == type)
            {
                next.Add(node);
            }

            return;
        }

        next.AddRange(Children(node, step));
    }

    /// <summary>Children named <paramref name="name"/>, including choice forms (<c>value</c> finds <c>valueQuantity</c>).</summary>
    private static IEnumerable<DiscriminatorValue> Children(DiscriminatorValue node, string name)
    {
        if (node.Value.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in node.Value.EnumerateObject())
        {
            string type;
            if (property.Name == name)
            {
                type = "";
            }
            else if (ChoiceSuffix.TypeOf(property.Name, name) is { } choiceType)
            {
                type = choiceType;
            }
            else
            {
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var entry in property.Value.EnumerateArray())
                {
                    yield return new DiscriminatorValue(entry, TypeOf(entry, type), node.Path.Child(property.Name, name, index++));
                }
            }
            else
            {
                yield return new DiscriminatorValue(property.Value, TypeOf(property.Value, type), node.Path.Child(property.Name, name, -1));
            }
        }
    }

    /// <summary>A resource's type is its resourceType; otherwise the type known from the element.</summary>
    private static string TypeOf(JsonElement value, string known) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("resourceType", out var rt) && rt.ValueKind == JsonValueKind.String
            ? rt.GetString()!
            : known;
}
