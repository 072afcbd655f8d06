using System.Collections;
using System.Globalization;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Indexing;
using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Introspection;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Patch;

/// <summary>
/// FHIRPath Patch (fhirpatch.html): a Parameters resource of operations add, insert, delete, replace and move, each
/// locating its target with a FHIRPath expression. Values are given as <c>value[x]</c>; values given as nested parts
/// (anonymous complex types) are not supported and are refused with 400.
/// </summary>
public sealed class FhirPathPatch(Parameters parameters) : IPatch
{
    private static readonly Hl7.FhirPath.FhirPathCompiler Compiler = FhirPathCompilers.Create();

    public Resource Apply(Resource current)
    {
        var resource = (Resource)current.DeepCopy();
        var operations = parameters.Parameter.Where(p => p.Name == "operation").ToList();
        if (operations.Count == 0 || operations.Count != parameters.Parameter.Count)
        {
            throw FhirException.BadRequest("A FHIRPath Patch is a Parameters resource whose parameters are all named 'operation'.");
        }

        for (var i = 0; i < operations.Count; i++)
        {
            var operation = new PatchOperation(i, operations[i]);
            var targets = Compiler.Compile(operation.Path)(resource.ToPocoNode(), new FhirEvaluationContext()).ToList();
            Execute(operation, targets);
        }

        return resource;
    }

    private static void Execute(PatchOperation operation, List<PocoNode> targets)
    {
        switch (operation.Type)
        {
            case "add":
                var container = Single(operation, targets).Poco!;
                var property = Property(operation, container, operation.Required(operation.Name, "name"));
                if (property.IsCollection)
                {
                    var items = List(container, property);
                    items.Add(Coerce(operation.RequiredValue(), ElementType(items)));
                }
                else if (property.NativeProperty!.GetValue(container) is null)
                {
                    Set(operation, container, property, operation.RequiredValue());
                }
                else
                {
                    throw operation.Invalid($"'{operation.Name}' already has a value; use replace");
                }

                break;
            case "insert":
                var (insertInto, _) = Parent(operation, targets.Count > 0 ? targets[0] : throw operation.Invalid("path matches nothing"));
                Insert(operation, insertInto, operation.RequiredIndex("index"), operation.RequiredValue());
                break;
            case "delete" when targets.Count == 0:
                break; // fhirpatch.html: deleting something that is not there is not an error
            case "delete":
                var (deleteFrom, deleteAt) = Parent(operation, Single(operation, targets));
                if (deleteAt is { } at)
                {
                    deleteFrom.RemoveAt(at);
                }
                else
                {
                    SetOnParent(operation, Single(operation, targets), null);
                }

                break;
            case "replace":
                var target = Single(operation, targets);
                var (replaceIn, replaceAt) = Parent(operation, target);
                if (replaceAt is { } position)
                {
                    replaceIn[position] = Coerce(operation.RequiredValue(), ElementType(replaceIn));
                }
                else
                {
                    SetOnParent(operation, target, operation.RequiredValue());
                }

                break;
            case "move":
                var (list, _) = Parent(operation, targets.Count > 0 ? targets[0] : throw operation.Invalid("path matches nothing"));
                var (source, destination) = (operation.RequiredIndex("source"), operation.RequiredIndex("destination"));
                if (source >= list.Count || destination >= list.Count)
                {
                    throw operation.Invalid("source or destination is outside the list");
                }

                var item = list[source];
                list.RemoveAt(source);
                list.Insert(destination, item);
                break;
            default:
                throw operation.Invalid($"type '{operation.Type}' is not add, insert, delete, replace or move");
        }
    }

    /// <summary>
    /// A value[x] arrives as the general type (a code, a string); the element may be a specialised one
    /// (Code&lt;AdministrativeGender&gt;), so primitives are carried over by their JSON value.
    /// </summary>
    private static Base Coerce(Base value, Type target)
    {
        if (target.IsInstanceOfType(value) || value is not PrimitiveType primitive || !typeof(PrimitiveType).IsAssignableFrom(target) || target.IsAbstract)
        {
            return value;
        }

        var converted = (PrimitiveType)Activator.CreateInstance(target)!;
        converted.JsonValue = primitive.JsonValue;
        converted.ElementId = primitive.ElementId;
        converted.Extension.AddRange(primitive.Extension);
        return converted;
    }

    private static Type ElementType(IList list) =>
        list.GetType().IsGenericType ? list.GetType().GetGenericArguments()[0] : typeof(Base);

    private static PocoNode Single(PatchOperation operation, List<PocoNode> targets) =>
        targets.Count == 1 ? targets[0] : throw operation.Invalid($"path matches {targets.Count} elements; it must match exactly one");

    private static PropertyMapping Property(PatchOperation operation, Base owner, string name) =>
        ModelInfo.ModelInspector.FindClassMapping(owner.GetType())?.FindMappedElementByName(name)
            ?? throw operation.Invalid($"{owner.TypeName} has no element '{name}'");

    private static IList List(Base owner, PropertyMapping property) => (IList)property.NativeProperty!.GetValue(owner)!;

    /// <summary>The list holding the node and its position there, or the node's owner and null when the element does not repeat.</summary>
    private static (IList List, int? Index) Parent(PatchOperation operation, PocoNode node)
    {
        var owner = node.Parent?.Poco ?? throw operation.Invalid("path must select an element inside the resource");
        var property = Property(operation, owner, node.Name);
        return property.IsCollection ? (List(owner, property), node.Index ?? 0) : (new List<Base>(), null);
    }

    private static void SetOnParent(PatchOperation operation, PocoNode node, Base? value)
    {
        var owner = node.Parent!.Poco!;
        Set(operation, owner, Property(operation, owner, node.Name), value);
    }

    private static void Set(PatchOperation operation, Base owner, PropertyMapping property, Base? value)
    {
        try
        {
            var type = property.NativeProperty!.PropertyType;
            property.NativeProperty.SetValue(owner, value is null ? null : Coerce(value, type));
        }
        catch (ArgumentException)
        {
            throw operation.Invalid($"a {value?.TypeName} value does not fit '{property.Name}'");
        }
    }

    private static void Insert(PatchOperation operation, IList list, int index, Base value)
    {
        if (index > list.Count)
        {
            throw operation.Invalid($"index {index.ToString(CultureInfo.InvariantCulture)} is past the end of the list");
        }

        try
        {
            list.Insert(index, Coerce(value, ElementType(list)));
        }
        catch (ArgumentException)
        {
            throw operation.Invalid($"a {value.TypeName} value does not fit the list");
        }
    }
}
