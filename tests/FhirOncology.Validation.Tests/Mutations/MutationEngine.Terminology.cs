using System.Text.Json.Nodes;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Tests.Mutations;

/// <summary>Mutations of Codings whose code system we hold: a code it does not define, a display it does not give.</summary>
internal sealed partial class MutationEngine
{
    private Mutation? UnknownCode(JsonObject instance, List<InstanceTarget> targets)
    {
        foreach (var target in HeldCodings(targets, completeOnly: true))
        {
            target.Value!["code"] = "zz-unknown-code";
            return new Mutation(MutationKind.UnknownCode, $"give {target.Location} a code its code system does not define", instance,
                target.Location, "Unknown code 'zz-unknown-code'");
        }

        return null;
    }

    private Mutation? WrongDisplay(JsonObject instance, List<InstanceTarget> targets)
    {
        foreach (var target in HeldCodings(targets, completeOnly: false))
        {
            target.Value!["display"] = "zz wrong display";
            return new Mutation(MutationKind.WrongDisplay, $"give {target.Location} a display its code system does not give", instance,
                target.Location, "Wrong display 'zz wrong display'", Severity: OperationOutcome.IssueSeverity.Warning);
        }

        return null;
    }

    /// <summary>Codings (no version) whose code the held code system defines.</summary>
    private IEnumerable<InstanceTarget> HeldCodings(List<InstanceTarget> targets, bool completeOnly)
    {
        foreach (var target in targets)
        {
            if (target.TypeCode != "Coding" || target.Value is not JsonObject coding || coding["version"] is not null
                || coding["system"]?.GetValue<string>() is not { } system || coding["code"]?.GetValue<string>() is not { } code
                || validator.ValueSets.GetCodeSystem(system) is not { } codeSystem || codeSystem.Find(code) is null
                || (completeOnly ? !codeSystem.IsComplete : codeSystem.Content is not ("complete" or "fragment" or "example")))
            {
                continue;
            }

            yield return target;
        }
    }
}
