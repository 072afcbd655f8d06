using System.Text.Json.Nodes;
using FhirOncology.Validation.Profiles;

namespace FhirOncology.Validation.Tests.Mutations;

/// <summary>One occurrence of an element in an instance, with the definition that governs it.</summary>
internal sealed record InstanceTarget(
    JsonObject Parent, string JsonName, int Index, JsonNode? Value, string Location, string ParentLocation, ElementNode Definition, string TypeCode)
{
    /// <summary>Replaces this occurrence's value in the instance.</summary>
    public void Replace(JsonNode? value)
    {
        if (Index < 0)
        {
            Parent[JsonName] = value;
        }
        else
        {
            Parent[JsonName]!.AsArray()[Index] = value;
        }
    }
}
