namespace FhirOncology.Validation.Structure;

/// <summary>The object the items of a property sit in: its type, and its element path when not their parent's.</summary>
internal readonly record struct ItemHost(string Type, string? Path);
