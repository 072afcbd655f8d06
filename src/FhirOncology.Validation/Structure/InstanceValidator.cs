using System.Text.Json;
using FhirOncology.Validation.Extensions;
using FhirOncology.Validation.Invariants;
using FhirOncology.Validation.Narrative;
using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.References;
using FhirOncology.Validation.Slicing;
using FhirOncology.Validation.Terminology;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Structure;

/// <summary>
/// Walks a JSON instance against compiled profiles (validation.html#profile): structure, cardinality, types,
/// fixed and pattern values, bindings, slicing, references, extensions and invariants. Resource-level part.
/// </summary>
internal sealed partial class InstanceValidator
{
    private readonly ProfileRegistry _profiles;
    private readonly BindingChecker _bindings;
    private readonly SliceValidator _slices;
    private readonly ReferenceChecker _references;
    private readonly CanonicalChecker _canonicals;
    private readonly CodingChecker _codings;
    private readonly NarrativeChecker _narrative = new();
    private readonly ExtensionContextChecker _extensionContexts;
    private readonly FhirPathInvariants _fhirPath = new();

    public InstanceValidator(ProfileRegistry profiles, BindingChecker bindings)
    {
        _profiles = profiles;
        _bindings = bindings;
        _codings = new CodingChecker(bindings.Expander);
        _slices = new SliceValidator(this, profiles);
        _references = new ReferenceChecker(this, profiles);
        _canonicals = new CanonicalChecker(profiles, _references);
        _extensionContexts = new ExtensionContextChecker(profiles);
    }

    public ProfileRegistry Profiles => _profiles;

    public BindingChecker Bindings => _bindings;

    /// <summary>
    /// Validates a resource against its base type, or against the profiles asked for and those it declares in
    /// <c>meta.profile</c> (a profile's snapshot already contains every rule of the base type).
    /// A profile that cannot be resolved gives a warning, never an error (validation.html#profiles).
    /// </summary>
    public void ValidateResource(
        ValidationSession session, JsonElement resource, InstancePath? path, IEnumerable<string> profiles, ResourceScope? parent,
        bool isContained = false, string? fullUrl = null)
    {
        if (resource.ValueKind != JsonValueKind.Object)
        {
            session.Error(path ?? InstancePath.Root("Resource"), OperationOutcome.IssueType.Structure,
                $"A resource must be a JSON object, found {PrimitiveValidator.Describe(resource.ValueKind)}.");
            return;
        }

        if (!resource.TryGetProperty("resourceType", out var typeProperty) || typeProperty.ValueKind != JsonValueKind.String)
        {
            session.Error(path ?? InstancePath.Root("Resource"), OperationOutcome.IssueType.Structure,
                "The resource has no resourceType (json.html#resources: every resource, nested ones included, names its type).");
            return;
        }

        var resourceType = typeProperty.GetString()!;
        path ??= InstancePath.Root(resourceType);
        var baseDefinition = _profiles.GetType(resourceType);
        if (baseDefinition is null || !baseDefinition.IsResource || baseDefinition.IsAbstract)
        {
            session.Error(path, OperationOutcome.IssueType.Structure, $"'{resourceType}' is not a known FHIR R4 resource type.");
            return;
        }

        var scope = new ResourceScope(resource, resourceType, path, parent, isContained) { FullUrl = fullUrl };
        if (resourceType == "Bundle")
        {
            scope.Bundle = BundleIndex.Build(scope);
        }

        foreach (var profile in ProfilesToCheck(session, resource, resourceType, path, profiles))
        {
            ValidateComplex(session, profile.Root, resource, resourceType, path, scope, isResourceRoot: true);
        }

        if (!isContained && resource.TryGetProperty("contained", out _))
        {
            NativeInvariants.CheckContainedReferenced(session, resource, path);
        }
    }

    private List<StructureProfile> ProfilesToCheck(
        ValidationSession session, JsonElement resource, string resourceType, InstancePath path, IEnumerable<string> requested)
    {
        var urls = new List<string>(requested);
        if (session.Context.UseMetaProfiles
            && resource.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
            && meta.TryGetProperty("profile", out var declared) && declared.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in declared.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    urls.Add(item.GetString()!);
                }
            }
        }

        var result = new List<StructureProfile>(urls.Count + 1);
        foreach (var url in urls.Distinct(StringComparer.Ordinal))
        {
            var profile = _profiles.Get(url);
            if (profile is null)
            {
                session.Warning(path, OperationOutcome.IssueType.NotSupported,
                    $"Profile {url} is not available here, so the resource was not checked against it (only against the profiles we have).");
            }
            else if (profile.Type != resourceType)
            {
                session.Error(path, OperationOutcome.IssueType.Invalid,
                    $"Profile {url} constrains {profile.Type}, so it cannot apply to a {resourceType}.");
            }
            else if (!result.Contains(profile))
            {
                result.Add(profile);
            }
        }

        if (result.Count == 0)
        {
            result.Add(_profiles.GetType(resourceType)!);
        }

        return result;
    }

    /// <summary>
    /// Work left for after the walk: invariants the SDK's FHIRPath engine must evaluate on the POCO, then the
    /// conditions of present elements, which need every invariant's outcome.
    /// </summary>
    public void RunDeferred(ValidationSession session)
    {
        _fhirPath.Run(session);
        ConditionChecker.Run(session);
    }

    /// <summary>Does the resource conform to the profile? Runs in a fork; the answer is memoised per location.</summary>
    public bool Conforms(ValidationSession session, JsonElement resource, InstancePath path, string profileUrl, ResourceScope? parent)
    {
        var key = (path.ToString(), profileUrl);
        if (session.ConformanceMemo.TryGetValue(key, out var known))
        {
            return known;
        }

        session.ConformanceMemo[key] = true; // a reference cycle assumes conformance instead of recursing forever
        var fork = session.Fork(useMetaProfiles: false);

        // A Bundle entry is validated as the entry it is: inside its Bundle, with its fullUrl as the base of its references.
        var entry = parent?.EntryAt(path);
        ValidateResource(fork, resource, path, [profileUrl], entry?.Bundle.Owner ?? parent, isContained: false, entry?.FullUrl);
        RunDeferred(fork);
        var conforms = !fork.HasErrors && !fork.Issues.Exists(i => i.Code == OperationOutcome.IssueType.NotSupported && i.Message.Contains(profileUrl, StringComparison.Ordinal));
        session.ConformanceMemo[key] = conforms;
        return conforms;
    }
}
