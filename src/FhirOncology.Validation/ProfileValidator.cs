using System.Text;
using System.Text.Json;
using FhirOncology.Validation.Formats;
using FhirOncology.Validation.Invariants;
using FhirOncology.Validation.Packages;
using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.References;
using FhirOncology.Validation.Structure;
using FhirOncology.Validation.Terminology;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace FhirOncology.Validation;

/// <summary>
/// The profile validator: a JSON walk over compiled snapshots (structure, cardinality, fixed/pattern, bindings,
/// slicing, references, extensions, narrative, native invariants), then the remaining invariants with FHIRPath on
/// a leniently parsed POCO, then — in <see cref="ValidateAsync"/> — references the server must resolve.
/// </summary>
public sealed class ProfileValidator : IProfileValidator
{
    private static readonly BaseFhirJsonSerializer Writer = new(ModelInfo.ModelInspector);

    private readonly InstanceValidator _instances;

    public ProfileValidator(ConformanceSource source)
    {
        Source = source;
        Profiles = new ProfileRegistry(source);
        ValueSets = new ValueSetExpander(source);
        _instances = new InstanceValidator(Profiles, new BindingChecker(ValueSets));
    }

    public ConformanceSource Source { get; }

    internal ProfileRegistry Profiles { get; }

    internal ValueSetExpander ValueSets { get; }

    public ValidationReport Validate(ReadOnlyMemory<byte> utf8Json, IEnumerable<string>? profiles = null, ValidationContext? context = null) =>
        new(Run(utf8Json, profiles, context ?? ValidationContext.Default).Issues);

    public ValidationReport Validate(string json, IEnumerable<string>? profiles = null, ValidationContext? context = null) =>
        Validate(Encoding.UTF8.GetBytes(json), profiles, context);

    public ValidationReport ValidateXml(string xml, IEnumerable<string>? profiles = null, ValidationContext? context = null)
    {
        var (json, issues) = XmlInput.ToJson(xml);
        return json is null ? new ValidationReport(issues) : new ValidationReport([.. issues, .. Validate(json, profiles, context).Issues]);
    }

    public ValidationReport Validate(Resource resource, IEnumerable<string>? profiles = null, ValidationContext? context = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Writer.Serialize(resource, writer);
        }

        return Validate(buffer.ToArray(), profiles, context);
    }

    public async ValueTask<ValidationReport> ValidateAsync(
        ReadOnlyMemory<byte> utf8Json, IEnumerable<string>? profiles, ValidationContext? context, CancellationToken cancellationToken)
    {
        context ??= ValidationContext.Default;
        var (issues, references) = Run(utf8Json, profiles, context);
        if (context.ReferenceResolver is { } resolver && references.Count > 0)
        {
            var resolved = await resolver.ResolveAsync(references.Select(r => r.Reference).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
            issues = [.. issues, .. ExternalReferenceCheck.Check(references, resolved, context)];
        }

        return new ValidationReport(issues);
    }

    private (List<ValidationIssue> Issues, List<PendingReference> References) Run(
        ReadOnlyMemory<byte> utf8Json, IEnumerable<string>? profiles, ValidationContext context)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException exception)
        {
            return ([new ValidationIssue(OperationOutcome.IssueSeverity.Fatal, OperationOutcome.IssueType.Structure, "",
                $"The content is not valid JSON: {exception.Message}")], []);
        }

        var session = new ValidationSession(context, new PocoCache(document.RootElement));
        using (document)
        {
            _instances.ValidateResource(session, document.RootElement, null, profiles ?? [], parent: null);
            _instances.RunDeferred(session);
        }

        return (Deduplicate(session.Issues), session.ExternalReferences);
    }

    /// <summary>The same finding reached through two profiles (or a profile and its type profile) is reported once.</summary>
    private static List<ValidationIssue> Deduplicate(List<ValidationIssue> issues)
    {
        var seen = new HashSet<(OperationOutcome.IssueSeverity, string, string)>();
        var result = new List<ValidationIssue>(issues.Count);
        foreach (var issue in issues)
        {
            if (seen.Add((issue.Severity, issue.Location, issue.Message)))
            {
                result.Add(issue);
            }
        }

        return result;
    }
}
