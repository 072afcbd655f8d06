using System.Text.Json;

namespace FhirOncology.Validation.Structure;

/// <summary>
/// One occurrence of an element in the instance. Primitives may carry their value, their <c>_name</c> shadow
/// (id and extensions, json.html#primitive), or both.
/// </summary>
/// <param name="HostType">The type of the object the element sits in (where an extension is used, for its context).</param>
/// <param name="HostPath">The element path of that object when it is not the element's own parent path: the primitive
/// a <c>_name</c> companion belongs to.</param>
internal readonly record struct ValueItem(JsonElement? Value, JsonElement? Shadow, string TypeCode, InstancePath Path, string HostType, string? HostPath = null);
