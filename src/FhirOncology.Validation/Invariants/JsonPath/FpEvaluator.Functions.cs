using System.Text.Json;

namespace FhirOncology.Validation.Invariants.JsonPath;

/// <summary>The functions of the subset (fhirpath.html#functions).</summary>
internal static partial class FpEvaluator
{
    private static readonly FpExpression ExtensionMember = new() { Kind = FpKind.Member, Name = "extension" };

    private static List<FpItem> Function(FpExpression call, List<FpItem> input, List<FpItem> focus, in FpEnvironment environment)
    {
        var arguments = call.Arguments;
        switch (call.Name, arguments.Count)
        {
            case ("exists", 0):
                return Bool(input.Count > 0);
            case ("exists", 1):
                return Bool(Where(input, arguments[0], environment).Count > 0);
            case ("empty", 0):
                return Bool(input.Count == 0);
            case ("not", 0):
                return ToBoolean(input) is { } value ? Bool(!value) : Empty;
            case ("count", 0):
                return [FpItem.FromNumber(input.Count)];
            case ("where", 1):
                return Where(input, arguments[0], environment);
            case ("all", 1):
                var each = new List<FpItem>(1) { default };
                foreach (var item in input)
                {
                    each[0] = item; // read at once: ToBoolean consumes the result before the next item
                    if (ToBoolean(Evaluate(arguments[0], each, environment)) != true)
                    {
                        return Bool(false);
                    }
                }

                return Bool(true);
            case ("select", 1):
                var selected = new List<FpItem>();
                foreach (var item in input)
                {
                    selected.AddRange(Evaluate(arguments[0], [item], environment)); // a new focus: $this may be returned as is
                }

                return selected;
            case ("ofType", 1):
                return input.Where(item => IsType(item, arguments[0].Literal.Text!)).ToList();
            case ("is" or "as", 1):
                return TypeOperation(
                    new FpExpression { Kind = call.Name == "is" ? FpKind.TypeTest : FpKind.TypeCast, Name = arguments[0].Literal.Text!, Receiver = null }, input);
            case ("first", 0):
                return input.Count > 0 ? [input[0]] : Empty;
            case ("hasValue", 0):
                return Bool(input.Count == 1 && input[0].Primitive is not null);
            case ("toString", 0):
                return Single(input)?.AsText() is { } text ? [FpItem.FromString(text)] : Empty;
            case ("length", 0):
                return Single(input)?.Primitive is { Kind: FpItemKind.String } s ? [FpItem.FromNumber(s.Text!.Length)] : Empty;
            case ("contains" or "startsWith" or "endsWith", 1):
                return StringTest(call.Name, input, Evaluate(arguments[0], focus, environment));
            case ("extension", 1):
                var url = Single(Evaluate(arguments[0], focus, environment))?.AsText();
                return Navigate(input, ExtensionMember)
                    .Where(e => e.Json.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String && u.GetString() == url).ToList();
            default:
                throw new FhirPathSubsetException($"{call.Name}()");
        }
    }

    private static List<FpItem> Where(List<FpItem> input, FpExpression condition, in FpEnvironment environment)
    {
        var result = new List<FpItem>();
        var each = new List<FpItem>(1) { default };
        foreach (var item in input)
        {
            each[0] = item; // read at once: ToBoolean consumes the result before the next item
            if (ToBoolean(Evaluate(condition, each, environment)) == true)
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static List<FpItem> StringTest(string function, List<FpItem> input, List<FpItem> argument)
    {
        var text = Single(input)?.Primitive;
        var part = Single(argument)?.AsText();
        if (text is not { Kind: FpItemKind.String } || part is null)
        {
            return Empty;
        }

        var value = text.Value.Text!;
        return
        [
            FpItem.FromBool(function switch
            {
                "contains" => value.Contains(part, StringComparison.Ordinal),
                "startsWith" => value.StartsWith(part, StringComparison.Ordinal),
                _ => value.EndsWith(part, StringComparison.Ordinal),
            }),
        ];
    }

    /// <summary>Singleton evaluation of collections (fhirpath.html#singleton-evaluation-of-collections).</summary>
    public static bool? ToBoolean(List<FpItem> items)
    {
        if (items.Count == 0)
        {
            return null;
        }

        if (items.Count > 1)
        {
            throw new FhirPathSubsetException("A collection where a boolean was expected.");
        }

        return items[0].Primitive is { Kind: FpItemKind.Boolean } b ? b.Flag : true;
    }
}
