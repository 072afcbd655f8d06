using FhirOncology.Validation.Structure;

namespace FhirOncology.Validation.Invariants.JsonPath;

/// <summary>The operators of the subset (fhirpath.html#operators), with three-valued boolean logic.</summary>
internal static partial class FpEvaluator
{
    private static List<FpItem> Binary(FpExpression expression, List<FpItem> focus, in FpEnvironment environment)
    {
        var left = Evaluate(expression.Arguments[0], focus, environment);
        var op = expression.Name;
        if (op is "and" or "or" or "implies" or "xor")
        {
            var a = ToBoolean(left);
            // Short-circuits that do not need the right side.
            if ((op == "and" && a == false) || (op == "or" && a == true) || (op == "implies" && a == false))
            {
                return Bool(op != "and");
            }

            var b = ToBoolean(Evaluate(expression.Arguments[1], focus, environment));
            bool? result = op switch
            {
                "and" => a == true && b == true ? true : b == false ? false : null,
                "or" => b == true ? true : a == false && b == false ? false : null,
                "xor" => a is null || b is null ? null : a != b,
                _ => b == true ? true : a == true && b == false ? false : null,
            };
            return result is { } r ? Bool(r) : Empty;
        }

        var right = Evaluate(expression.Arguments[1], focus, environment);
        switch (op)
        {
            case "|":
                var union = new List<FpItem>(left);
                union.AddRange(right.Where(item => !union.Exists(existing => Equal(existing, item))));
                return union;
            case "in" or "contains":
                var (needle, haystack) = op == "in" ? (left, right) : (right, left);
                return needle.Count == 0 ? Empty : Bool(haystack.Exists(item => Equal(item, Single(needle)!.Value)));
        }

        if (left.Count == 0 || right.Count == 0)
        {
            return op == "&" ? [FpItem.FromString((Single(left)?.AsText() ?? "") + (Single(right)?.AsText() ?? ""))] : Empty;
        }

        switch (op)
        {
            case "=" or "!=":
                var equal = left.Count == right.Count;
                for (var i = 0; equal && i < left.Count; i++)
                {
                    equal = Equal(left[i], right[i]);
                }

                return Bool(equal == (op == "="));
            case "<" or ">" or "<=" or ">=":
                var comparison = Compare(Single(left)!.Value, Single(right)!.Value);
                return Bool(op switch { "<" => comparison < 0, ">" => comparison > 0, "<=" => comparison <= 0, _ => comparison >= 0 });
            case "+" or "-" or "&":
                return [Arithmetic(op, Single(left)!.Value, Single(right)!.Value)];
            default:
                throw new FhirPathSubsetException(op);
        }
    }

    private static bool Equal(FpItem left, FpItem right)
    {
        var a = left.Primitive;
        var b = right.Primitive;
        if (a is null || b is null)
        {
            return a is null && b is null && left.Kind == FpItemKind.Json && right.Kind == FpItemKind.Json
                && JsonValueMatcher.AreEqual(left.Json, right.Json);
        }

        return (a.Value.Kind, b.Value.Kind) switch
        {
            (FpItemKind.String, FpItemKind.String) => a.Value.Text == b.Value.Text,
            (FpItemKind.Number, FpItemKind.Number) => a.Value.Number == b.Value.Number,
            (FpItemKind.Boolean, FpItemKind.Boolean) => a.Value.Flag == b.Value.Flag,
            _ => false,
        };
    }

    private static int Compare(FpItem left, FpItem right)
    {
        var a = left.Primitive ?? throw new FhirPathSubsetException("Comparing a complex value.");
        var b = right.Primitive ?? throw new FhirPathSubsetException("Comparing a complex value.");
        if (a.Kind == FpItemKind.Number && b.Kind == FpItemKind.Number)
        {
            return a.Number.CompareTo(b.Number);
        }

        // Dates and times compare as text only at the same precision; otherwise let the SDK decide.
        if (a.Kind == FpItemKind.String && b.Kind == FpItemKind.String && a.Text!.Length == b.Text!.Length
            && ((!a.Text.Contains('T', StringComparison.Ordinal) && !b.Text!.Contains('T', StringComparison.Ordinal))
                || (a.Text.EndsWith('Z') && b.Text!.EndsWith('Z'))))
        {
            return string.CompareOrdinal(a.Text, b.Text);
        }

        throw new FhirPathSubsetException("Comparison outside the subset.");
    }

    private static FpItem Arithmetic(string op, FpItem left, FpItem right)
    {
        var a = left.Primitive;
        var b = right.Primitive;
        if (op == "&" || (op == "+" && a?.Kind == FpItemKind.String && b?.Kind == FpItemKind.String))
        {
            return FpItem.FromString((a?.AsText() ?? "") + (b?.AsText() ?? ""));
        }

        if (a is { Kind: FpItemKind.Number } x && b is { Kind: FpItemKind.Number } y)
        {
            return FpItem.FromNumber(op == "+" ? x.Number + y.Number : x.Number - y.Number);
        }

        throw new FhirPathSubsetException("Arithmetic outside the subset.");
    }
}
