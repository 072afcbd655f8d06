using System.Collections.Concurrent;
using System.Text.Json;
using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.References;

/// <summary>
/// Checks a <c>canonical</c> value against its element's <c>targetProfile</c> (elementdefinition.html#targetProfile,
/// references.html#canonical): the resource it names — a contained resource (<c>#id</c>), a Bundle entry or contained
/// resource with that <c>url</c>, or a canonical resource of the packages — must be of a type the target profiles
/// allow. A canonical we cannot resolve gives a warning: its target type could not be checked. Only the type is
/// checked; conformance of a package resource to a specific target profile is not.
/// </summary>
internal sealed class CanonicalChecker(ProfileRegistry profiles, ReferenceChecker references)
{
    private readonly ConcurrentDictionary<ElementNode, (List<string> Profiles, List<string>? Types)> _targets = new(ReferenceEqualityComparer.Instance);

    public void Check(ValidationSession session, ElementNode element, JsonElement value, InstancePath path, ResourceScope scope)
    {
        if (!_targets.TryGetValue(element, out var targets))
        {
            var list = element.Types.Where(t => t.Code == "canonical").SelectMany(t => t.TargetProfiles).Distinct(StringComparer.Ordinal).ToList();
            targets = _targets.GetOrAdd(element, (list, references.AllowedTypes(list)));
        }

        var (targetProfiles, allowed) = targets;
        if (targetProfiles.Count == 0 || value.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var canonical = value.GetString()!;
        var type = TypeOf(scope, canonical);
        if (type is null)
        {
            // meta.profile is resolved (and reported when unknown) as the profiles to validate against.
            if (element.Path != "Meta.profile")
            {
                session.Warning(path, OperationOutcome.IssueType.NotFound,
                    $"Canonical {canonical} cannot be resolved here, so whether it is a {string.Join(" or ", targetProfiles.Select(Name))} was not checked.", element);
            }

            return;
        }

        if (allowed is not null && !allowed.Contains(type))
        {
            session.Error(path, OperationOutcome.IssueType.Structure,
                $"Canonical {canonical} refers to a {type}, but only {string.Join(", ", allowed.Distinct(StringComparer.Ordinal))} may be referenced here (targetProfile).", element);
        }
    }

    /// <summary>The type of the resource a canonical names: in the instance first, then in the packages.</summary>
    private string? TypeOf(ResourceScope scope, string canonical)
    {
        if (canonical.StartsWith('#'))
        {
            return scope.TryGetContained(canonical[1..], out var contained) ? ResourceType(contained.Resource) : null;
        }

        var url = Packages.ConformanceSource.StripVersion(canonical);
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        url = hash < 0 ? url : url[..hash];
        foreach (var bundle in scope.Bundles())
        {
            if (bundle.FindCanonical(url) is { } entry)
            {
                return ResourceType(entry.Resource);
            }
        }

        return profiles.Source.CanonicalType(url);
    }

    private static string? ResourceType(JsonElement resource) =>
        resource.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;

    private static string Name(string profile) => profile[(profile.LastIndexOf('/') + 1)..];
}
