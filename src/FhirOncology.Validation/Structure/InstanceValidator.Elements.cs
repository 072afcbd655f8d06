using System.Text.Json;
using FhirOncology.Validation.Invariants;
using FhirOncology.Validation.Profiles;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Structure;

/// <summary>Element-level part: one occurrence of an element, primitive or complex, against its definition.</summary>
internal sealed partial class InstanceValidator
{
    public void ValidateItem(ValidationSession session, ElementNode element, ValueItem item, ResourceScope scope, string? fullUrl = null)
    {
        if (session.Depth > ValidationSession.MaxDepth)
        {
            session.Error(item.Path, OperationOutcome.IssueType.TooCostly, "The instance nests deeper than the validator follows.");
            return;
        }

        if (element.Conditions.Count > 0)
        {
            session.PendingConditions.Add(new PendingCondition(element, item.Path, scope.Path));
        }

        var type = item.TypeCode;
        if (PrimitiveTypes.IsPrimitive(type))
        {
            ValidatePrimitive(session, element, item, scope);
            return;
        }

        if (item.Value is not { } value)
        {
            return;
        }

        if (PrimitiveTypes.IsResourceType(type) || _profiles.IsResourceType(type))
        {
            var isContained = element.Path.EndsWith(".contained", StringComparison.Ordinal);
            var typeProfiles = element.Types.Count > 0 ? element.Types[0].Profiles : [];
            session.Depth++;
            ValidateResource(session, value, item.Path, typeProfiles, scope, isContained, fullUrl);
            session.Depth--;
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            session.Error(item.Path, OperationOutcome.IssueType.Structure,
                $"A {type} must be a JSON object, found {PrimitiveValidator.Describe(value.ValueKind)}.", element);
            return;
        }

        ValidateComplex(session, element, value, type, item.Path, scope, isResourceRoot: false, item.HostType, item.HostPath);
    }

    /// <summary>
    /// A complex value (or a resource root) against its element: children from the element when the snapshot
    /// expands them, else from the element's type profile, else from the base type (profiling.html#snapshot).
    /// </summary>
    private void ValidateComplex(
        ValidationSession session, ElementNode element, JsonElement value, string type, InstancePath path, ResourceScope scope, bool isResourceRoot,
        string hostType = "", string? hostPath = null)
    {
        session.Depth++;
        var typeRoot = isResourceRoot ? null : _profiles.GetType(type)?.Root;
        var source = element.HasChildren ? element : ContentReferenceTarget(element);
        StructureProfile? typeProfile = null;
        if (!isResourceRoot)
        {
            typeProfile = TypeProfile(session, element, value, type, path);
        }

        if (source is null && typeProfile is not null)
        {
            source = typeProfile.Root;
            typeProfile = null;
        }

        source ??= typeRoot;
        if (source is null)
        {
            session.Error(path, OperationOutcome.IssueType.NotSupported, $"Type '{type}' is not known, so its content was not checked.", element);
            session.Depth--;
            return;
        }

        // Extensions inside take this element as their host (its path, not its type's), for their context check.
        ValidateChildren(session, source, value, path, scope, isResourceRoot, type, element.Path);
        if (type == "Extension" && ExtensionDefinition(source, typeProfile) is { } extensionDefinition)
        {
            _extensionContexts.Check(session, extensionDefinition, element, hostType, hostPath, path, scope, value);
        }

        if (typeProfile is not null)
        {
            ValidateChildren(session, typeProfile.Root, value, path, scope, isResourceRoot: false, type, element.Path);
            RunConstraints(session, typeProfile.Root, value, path, scope, type);
        }

        CheckFixedAndPattern(session, element, value, path);
        if (element.MinValue is not null || element.MaxValue is not null)
        {
            RangeChecker.Check(session, element, value, type, path); // Quantity limits (minValueQuantity)
        }

        if (element.Binding is not null)
        {
            _bindings.Check(session, element, value, type, path);
        }

        if (type == "Coding")
        {
            _codings.Check(session, element, value, path);
        }

        RunConstraints(session, element, value, path, scope, type);
        if (!ReferenceEquals(source, element))
        {
            RunConstraints(session, source, value, path, scope, type);
        }

        if (typeRoot is not null && !ReferenceEquals(typeRoot, source))
        {
            RunConstraints(session, typeRoot, value, path, scope, type);
        }

        if (type == "Reference")
        {
            _references.Check(session, element, value, path, scope);
        }

        session.Depth--;
    }

    /// <summary>
    /// The profile the element's type names (<c>type.profile</c>), or, for an extension without one, the extension's
    /// own definition found by its url (extensibility.html#Extension). Unknown profiles give a warning; an unknown
    /// modifier extension is an error, since its meaning cannot be ignored (extensibility.html#modifierExtension).
    /// </summary>
    private StructureProfile? TypeProfile(ValidationSession session, ElementNode element, JsonElement value, string type, InstancePath path)
    {
        foreach (var typeRef in element.Types)
        {
            if (typeRef.Code != type || typeRef.Profiles.Count == 0)
            {
                continue;
            }

            foreach (var url in typeRef.Profiles)
            {
                if (_profiles.Get(url) is { } profile)
                {
                    return profile;
                }
            }

            session.Warning(path, OperationOutcome.IssueType.NotSupported,
                $"Profile {string.Join(", ", typeRef.Profiles)} is not available here; checked against {type} only.", element);
            return null;
        }

        if (type != "Extension" || element.HasChildren)
        {
            return null;
        }

        var url2 = value.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : null;
        if (url2 is null || !url2.Contains(':', StringComparison.Ordinal))
        {
            return null; // relative urls name the parts of a complex extension, defined by its parent
        }

        if (_profiles.Get(url2) is { } definition)
        {
            return definition;
        }

        if (element.Name == "modifierExtension")
        {
            session.Error(path, OperationOutcome.IssueType.Extension,
                $"Unknown modifier extension {url2}: a modifier extension changes the meaning of its element and cannot be ignored.", element);
        }
        else
        {
            session.Warning(path, OperationOutcome.IssueType.Extension, $"Extension {url2} is not known here, so its content was not checked.", element);
        }

        return null;
    }

    /// <summary>The extension definition an extension was validated against, if any (not the base Extension type).</summary>
    private static StructureProfile? ExtensionDefinition(ElementNode source, StructureProfile? typeProfile)
    {
        if (typeProfile is { Type: "Extension", Derivation: "constraint" })
        {
            return typeProfile;
        }

        return ReferenceEquals(source, source.Owner.Root) && source.Owner is { Type: "Extension", Derivation: "constraint" } ? source.Owner : null;
    }

    private ElementNode? ContentReferenceTarget(ElementNode element)
    {
        if (element.ContentReference is not { } reference)
        {
            return null;
        }

        if (element.Owner.ElementsById.TryGetValue(reference, out var target))
        {
            return target;
        }

        var dot = reference.IndexOf('.', StringComparison.Ordinal);
        var baseType = dot < 0 ? reference : reference[..dot];
        return _profiles.GetType(baseType)?.ElementsById.GetValueOrDefault(reference);
    }
}
