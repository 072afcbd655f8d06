using System.Text.Json;
using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.References;

/// <summary>
/// Checks a Reference against its element's target profiles (references.html, elementdefinition.html#targetProfile):
/// the target's type must be one allowed, and a target found in the instance (contained or same Bundle) must conform
/// to one of the non-core target profiles. Other references are left to the server's <see cref="IReferenceResolver"/>.
/// </summary>
internal sealed class ReferenceChecker(InstanceValidator validator, ProfileRegistry profiles)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ElementNode, List<string>> _targetProfiles = new(ReferenceEqualityComparer.Instance);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ElementNode, List<string>?> _allowedTypes = new(ReferenceEqualityComparer.Instance);

    public void Check(ValidationSession session, ElementNode element, JsonElement value, InstancePath path, ResourceScope scope)
    {
        if (!value.TryGetProperty("reference", out var referenceElement) || referenceElement.ValueKind != JsonValueKind.String)
        {
            return; // logical (identifier) or display-only references have no target to check
        }

        var reference = referenceElement.GetString()!;
        var targetProfiles = _targetProfiles.GetOrAdd(element, static e =>
            e.Types.Where(t => t.Code == "Reference").SelectMany(t => t.TargetProfiles).Distinct(StringComparer.Ordinal).ToList());
        if (ConditionalReference.TypeOf(reference) is { } conditionalType)
        {
            CheckType(session, element, path, reference, conditionalType);
            ConditionalReference.Check(session, element, path, reference, scope);
            return;
        }

        switch (ReferenceTarget.Resolve(scope, reference, out var target, out var heldVersions))
        {
            case ReferenceResolution.Resolved:
                var type = target.Resource.TryGetProperty("resourceType", out var rt) ? rt.GetString() : null;
                if (type is not null && CheckType(session, element, path, reference, type))
                {
                    CheckProfiles(session, element, path, reference, target, targetProfiles, scope);
                }

                return;
            case ReferenceResolution.WrongVersion:
                session.Error(path, OperationOutcome.IssueType.NotFound,
                    $"Reference {reference} names a version this Bundle does not hold (it holds version {heldVersions}; bundle.html#references).", element);
                return;
        }

        if (reference.StartsWith('#'))
        {
            session.Error(path, OperationOutcome.IssueType.NotFound,
                $"Reference {reference} points to a contained resource that does not exist (references.html#contained).", element, "ref-1");
            return;
        }

        if (reference.StartsWith("urn:", StringComparison.Ordinal) && scope.Bundles().Any())
        {
            session.Error(path, OperationOutcome.IssueType.NotFound,
                $"Reference {reference} does not resolve to an entry of this Bundle (bundle.html#references: a urn:uuid or urn:oid reference must match an entry's fullUrl).", element);
            return;
        }

        var literalType = ReferenceTarget.TypeOf(reference);
        if (literalType is not null)
        {
            CheckType(session, element, path, reference, literalType);
        }

        if (session.Context.ReferenceResolver is not null)
        {
            session.ExternalReferences.Add(new PendingReference(
                reference, path, Allowed(element) ?? [], targetProfiles, element.Id));
        }
    }

    /// <summary>Resource types the target profiles allow; null when any target is allowed or a profile is unknown.</summary>
    public List<string>? AllowedTypes(List<string> targetProfiles)
    {
        if (targetProfiles.Count == 0)
        {
            return null;
        }

        var types = new List<string>(targetProfiles.Count);
        foreach (var profile in targetProfiles)
        {
            var type = IsBaseType(profile) ? profile[ProfileRegistry.CoreBase.Length..] : profiles.TypeOf(profile);
            if (type is null or "Resource")
            {
                return null;
            }

            types.Add(type);
        }

        return types;
    }

    private List<string>? Allowed(ElementNode element) =>
        _allowedTypes.TryGetValue(element, out var known) ? known : _allowedTypes.GetOrAdd(element, AllowedTypes(_targetProfiles[element]));

    private bool CheckType(ValidationSession session, ElementNode element, InstancePath path, string reference, string type)
    {
        var allowed = Allowed(element);
        if (allowed is null || allowed.Contains(type))
        {
            return true;
        }

        session.Error(path, OperationOutcome.IssueType.Structure,
            $"Reference {reference} points to a {type}, but only {string.Join(", ", allowed.Distinct(StringComparer.Ordinal))} may be referenced here.", element);
        return false;
    }

    private void CheckProfiles(
        ValidationSession session, ElementNode element, InstancePath path, string reference, ResolvedTarget target,
        List<string> targetProfiles, ResourceScope scope)
    {
        var specific = targetProfiles
            .Where(p => !IsBaseType(p))
            .Where(p => profiles.Get(p) is not null)
            .ToList();
        if (specific.Count == 0 || specific.Count < targetProfiles.Count(p => !IsBaseType(p)))
        {
            return; // a core type is allowed too, or a target profile is unknown here: the type check is all we can do
        }

        var type = target.Resource.TryGetProperty("resourceType", out var rt) ? rt.GetString() : null;
        var candidates = specific.Where(p => profiles.TypeOf(p) == type).ToList();
        if (candidates.Count == 0 || targetProfiles.Any(p => IsBaseType(p) && p.EndsWith("/" + type, StringComparison.Ordinal)))
        {
            return;
        }

        // A target inside the instance that declares one of the profiles is validated against it where it stands, and
        // its errors are reported there; checking it again here would only repeat them (and double the work).
        if (candidates.Exists(profile => Declares(target.Resource, profile)))
        {
            return;
        }

        if (!candidates.Exists(profile => validator.Conforms(session, target.Resource, target.Path, profile, scope)))
        {
            session.Error(path, OperationOutcome.IssueType.Structure,
                $"Reference {reference} points to a {type} that conforms to none of {string.Join(", ", candidates)}.", element);
        }
    }

    private static bool Declares(JsonElement resource, string profile)
    {
        if (!resource.TryGetProperty("meta", out var meta) || meta.ValueKind != JsonValueKind.Object
            || !meta.TryGetProperty("profile", out var profiles) || profiles.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in profiles.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.ValueEquals(profile))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for the definition of a resource type itself (<c>…/StructureDefinition/Patient</c>), not a profile.</summary>
    private bool IsBaseType(string profile) =>
        profile.StartsWith(ProfileRegistry.CoreBase, StringComparison.Ordinal)
        && profiles.IsResourceType(profile[ProfileRegistry.CoreBase.Length..]);
}
