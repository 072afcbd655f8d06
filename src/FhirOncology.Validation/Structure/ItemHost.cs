using System.Text.Json;

namespace FhirOncology.Validation.Structure;

/// <summary>The object the items of a property sit in: its type, its element path when not their parent's, and its JSON.</summary>
internal readonly record struct ItemHost(string Type, string? Path, JsonElement Json);
