using System.Text.Json;
using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Terminology;

/// <summary>
/// Checks coded values against their binding (terminologies.html#strength): a code outside a required value set is
/// an error, outside an extensible one a warning; preferred and example bindings are not checked. A code from a
/// system whose content we do not hold (SNOMED CT, LOINC, ICD-10, RxNorm, HGNC, …) gets an informational issue.
/// </summary>
internal sealed class BindingChecker(ValueSetExpander expander)
{
    public ValueSetExpander Expander => expander;

    public void Check(ValidationSession session, ElementNode element, JsonElement value, string type, InstancePath path)
    {
        var binding = element.Binding!;
        var isRequired = binding.Strength == "required";
        if (!isRequired && binding.Strength != "extensible")
        {
            return;
        }

        var valueSet = expander.Get(binding.ValueSet);
        switch (type)
        {
            case "code" or "string" or "uri":
                if (value.ValueKind == JsonValueKind.String)
                {
                    Judge(session, element, path, valueSet, isRequired, [(null, value.GetString()!)]);
                }

                break;
            case "Coding" or "Quantity" or "Age" or "Duration" or "Distance" or "Count" or "SimpleQuantity" or "MoneyQuantity":
                // A Quantity's unit is bound through its system and code, like a Coding (datatypes.html#Quantity).
                if (Coding(value) is { } coding)
                {
                    Judge(session, element, path, valueSet, isRequired, [coding]);
                }

                break;
            case "CodeableConcept":
                var list = Codings(value);
                if (list.Count > 0)
                {
                    Judge(session, element, path, valueSet, isRequired, list);
                }
                else if (isRequired)
                {
                    // terminologies.html#required: the concept SHALL come from the value set, so text alone is not enough.
                    session.Error(path, OperationOutcome.IssueType.CodeInvalid,
                        $"No code given, but a code from value set {valueSet.Url} is required here (terminologies.html#required).", element);
                }

                break;
        }
    }

    /// <summary>
    /// Is the value in the value set? For slicing on a required binding (profiling.html#discriminator: the nominated
    /// element has a fixed value, a pattern or a required binding). A CodeableConcept is in when one of its codings is.
    /// </summary>
    public Membership MembershipOf(string valueSet, JsonElement value)
    {
        var compiled = expander.Get(valueSet);
        List<(string? System, string Code)> codes = value.ValueKind switch
        {
            JsonValueKind.String => [(null, value.GetString()!)],
            JsonValueKind.Object when value.TryGetProperty("coding", out var codings) && codings.ValueKind == JsonValueKind.Array =>
                codings.EnumerateArray().Select(Coding).OfType<(string?, string)>().ToList(),
            JsonValueKind.Object => Coding(value) is { } coding ? [coding] : [],
            _ => [],
        };
        var result = Membership.NotMember;
        foreach (var (system, code) in codes)
        {
            switch (compiled.Contains(system, code))
            {
                case Membership.Member:
                    return Membership.Member;
                case Membership.Unknown:
                    result = Membership.Unknown;
                    break;
            }
        }

        return result;
    }

    private static List<(string? System, string Code)> Codings(JsonElement codeableConcept)
    {
        var list = new List<(string? System, string Code)>(1);
        if (codeableConcept.TryGetProperty("coding", out var codings) && codings.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in codings.EnumerateArray())
            {
                if (Coding(item) is { } coding)
                {
                    list.Add(coding);
                }
            }
        }

        return list;
    }

    private static (string? System, string Code)? Coding(JsonElement coding)
    {
        if (coding.ValueKind != JsonValueKind.Object
            || !coding.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var system = coding.TryGetProperty("system", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        return (system, code.GetString()!);
    }

    /// <summary>One member is enough (a CodeableConcept may add codings from other systems).</summary>
    private static void Judge(
        ValidationSession session, ElementNode element, InstancePath path, CompiledValueSet valueSet, bool isRequired,
        List<(string? System, string Code)> codes)
    {
        var unknown = new List<(string? System, string Code)>();
        foreach (var (system, code) in codes)
        {
            switch (valueSet.Contains(system, code))
            {
                case Membership.Member:
                    return;
                case Membership.Unknown:
                    unknown.Add((system, code));
                    break;
            }
        }

        var shown = string.Join(", ", codes.Select(c => c.System is null ? $"'{c.Code}'" : $"{c.System}#{c.Code}"));
        if (valueSet.IsUnknown)
        {
            session.Information(path, OperationOutcome.IssueType.NotSupported,
                $"Value set {valueSet.Url} is not available here, so {shown} was not checked against it.", element);
        }
        else if (unknown.Count > 0)
        {
            session.Information(path, OperationOutcome.IssueType.NotSupported,
                $"{shown} cannot be checked against value set {valueSet.Url} here: "
                + $"{string.Join("; ", unknown.Select(u => valueSet.OpenReason(u.System)).Distinct(StringComparer.Ordinal))}.", element);
        }
        else if (isRequired)
        {
            session.Error(path, OperationOutcome.IssueType.CodeInvalid,
                $"{shown} is not in the value set {valueSet.Url}, which is required here (terminologies.html#required).", element);
        }
        else
        {
            session.Warning(path, OperationOutcome.IssueType.CodeInvalid,
                $"{shown} is not in the value set {valueSet.Url}, which is extensible here: use one of its codes when one fits (terminologies.html#extensible).", element);
        }
    }
}
