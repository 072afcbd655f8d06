using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Operations;
using FhirOncology.Core.Security;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using FhirOncology.Oncology.CaseBundles;
using Hl7.Fhir.Model;

namespace FhirOncology.Oncology.Reports;

/// <summary>
/// <c>[base]/Composition/{id}/$document</c> (composition-operation-document.html). A Composition delivered in a
/// second-opinion document (stored under the document's id, <see cref="ReportRecords"/>) returns that document as
/// stored, unchanged. Any other Composition is assembled into a new document: the Composition first, then every
/// resource it references, transitively, as the caller may read them (documents.html#content); a reference that
/// cannot be resolved is an error, since a document must be complete. The document is not persisted
/// (<c>persist</c> is not supported).
/// </summary>
public sealed class DocumentOperation(ResourceService resources, FhirSerializer serializer) : IFhirOperation
{
    private const int MaxEntries = 1000;

    public string Name => "document";

    public OperationLevel Levels => OperationLevel.Instance;

    public IReadOnlyList<string> Types { get; } = ["Composition"];

    public string Definition => "http://hl7.org/fhir/OperationDefinition/Composition-document";

    public bool AffectsState => false;

    public async Task<OperationResult> ExecuteAsync(OperationRequest request, CancellationToken ct)
    {
        if (request.Parameter("persist") is "true")
        {
            throw new FhirException(HttpStatusCode.BadRequest, OperationOutcome.IssueType.NotSupported, "$document does not persist documents here (persist=true).");
        }

        var composition = await resources.ReadAsync("Composition", request.Id!, ct); // 404 unless the caller may see it
        if (await DeliveredDocumentAsync(request.Id!, ct) is { } delivered)
        {
            return new OperationResult(delivered);
        }

        return new OperationResult(await AssembleAsync(composition, request.BaseUrl, ct));
    }

    private async Task<Bundle?> DeliveredDocumentAsync(string id, CancellationToken ct)
    {
        try
        {
            var stored = await resources.ReadAsync("Bundle", id, ct);
            return serializer.Parse(stored.Json.Span, FhirFormat.Json) is Bundle { Type: Bundle.BundleType.Document } document
                && SecondOpinion.Claims(document, SecondOpinion.DocumentProfile) ? document : null;
        }
        catch (FhirException error) when (error.Status is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return null;
        }
    }

    private async Task<Bundle> AssembleAsync(ResourceVersion composition, string baseUrl, CancellationToken ct)
    {
        var document = new Bundle
        {
            Identifier = new Identifier("urn:ietf:rfc:3986", "urn:uuid:" + Guid.NewGuid()),
            Type = Bundle.BundleType.Document,
            Timestamp = DateTimeOffset.UtcNow,
        };
        var pending = new Queue<ResourceVersion>([composition]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { composition.Key.ToString() };
        while (pending.TryDequeue(out var version))
        {
            var resource = serializer.Parse(version.Json.Span, FhirFormat.Json);
            document.Entry.Add(new Bundle.EntryComponent { FullUrl = $"{baseUrl}/{version.Key}", Resource = resource });
            foreach (var reference in ResourceReferences.All(resource).Select(r => r.Reference).OfType<string>().Where(r => !r.StartsWith('#')))
            {
                var key = reference.Contains("://", StringComparison.Ordinal) && !reference.StartsWith(baseUrl + "/", StringComparison.Ordinal)
                    ? null
                    : LocalReference.TryParse(reference);
                if (key is null)
                {
                    throw Incomplete($"{version.Key} references '{reference}', which is not a resource on this server.");
                }

                if (seen.Add(key.ToString()))
                {
                    pending.Enqueue(await ReadReferencedAsync(key, ct));
                }
            }

            if (document.Entry.Count > MaxEntries)
            {
                throw new FhirException(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.TooCostly, $"The document would hold more than {MaxEntries} resources.");
            }
        }

        return document;
    }

    private async Task<ResourceVersion> ReadReferencedAsync(ResourceKey key, CancellationToken ct)
    {
        try
        {
            return await resources.ReadAsync(key.Type, key.Id, ct);
        }
        catch (FhirException error) when (error.Status is HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.Forbidden)
        {
            throw Incomplete($"{key} is referenced by the Composition's document but cannot be read.");
        }
    }

    private static FhirException Incomplete(string message) =>
        new(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.Incomplete, "A document must hold every resource it references (documents.html#content): " + message);
}
