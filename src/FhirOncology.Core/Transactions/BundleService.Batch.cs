using FhirOncology.Core.Errors;
using FhirOncology.Core.History;
using FhirOncology.Core.Patch;
using FhirOncology.Core.Search;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Transactions;

public sealed partial class BundleService
{
    /// <summary>
    /// bundle.html#batch: each entry is processed on its own, in its own database transaction, and reports its own
    /// status; one entry failing does not affect the others.
    /// </summary>
    private async Task<Bundle> BatchAsync(Bundle bundle, string baseUrl, bool representation, CancellationToken ct)
    {
        var response = new Bundle { Type = Bundle.BundleType.BatchResponse, Id = Guid.NewGuid().ToString("N") };
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            try
            {
                var request = EntryRequest.Parse(i, bundle.Entry[i], baseUrl);
                response.Entry.Add(request.Method == Bundle.HTTPVerb.GET
                    ? await ReadEntryAsync(request, baseUrl, ct)
                    : WriteEntry(await BatchWriteAsync(request, ct), baseUrl, representation));
            }
            catch (FhirException error)
            {
                response.Entry.Add(ErrorEntry(error));
            }
        }

        return response;
    }

    private async Task<Interactions.WriteResult> BatchWriteAsync(EntryRequest request, CancellationToken ct) => request.Method switch
    {
        Bundle.HTTPVerb.POST => await resources.CreateAsync(request.Type, Required(request), request.IfNoneExist, ct),
        Bundle.HTTPVerb.PUT when request.Id is not null => await resources.UpdateAsync(request.Type, request.Id, Required(request), request.IfMatchVersion(), ct),
        Bundle.HTTPVerb.PUT => await resources.ConditionalUpdateAsync(request.Type, request.Query ?? [], Required(request), request.IfMatchVersion(), ct),
        Bundle.HTTPVerb.DELETE when request.Id is not null => await resources.DeleteAsync(request.Type, request.Id, ct),
        Bundle.HTTPVerb.DELETE => await resources.ConditionalDeleteAsync(request.Type, request.Query ?? [], ct),
        Bundle.HTTPVerb.PATCH when request.Id is not null => await resources.PatchAsync(request.Type, request.Id,
            PatchDocuments.FromEntryResource(request.Resource, serializer), request.IfMatchVersion(), ct),
        Bundle.HTTPVerb.PATCH => await resources.ConditionalPatchAsync(request.Type, request.Query ?? [],
            PatchDocuments.FromEntryResource(request.Resource, serializer), request.IfMatchVersion(), ct),
        _ => throw FhirException.BadRequest($"{request.Method} is not supported in a Bundle by this server."),
    };

    private static Resource Required(EntryRequest request) =>
        request.Resource ?? throw FhirException.BadRequest($"A {request.Method} entry needs a resource.");

    /// <summary>GET entries: read, vread, history and search, answered like the same request on its own.</summary>
    private async Task<Bundle.EntryComponent> ReadEntryAsync(EntryRequest request, string baseUrl, CancellationToken ct)
    {
        try
        {
            if (request.Suffix == "_history")
            {
                var page = await history.ReadAsync(new HistoryRequest(request.Type, request.Id, Value(request, "_since"), Value(request, "_count"), Value(request, HistoryService.CursorParameter)), baseUrl, ct);
                return Ok(page);
            }

            if (request.Id is null)
            {
                return Ok(await search.SearchAsync(request.Type, request.Query ?? [], strict: false, baseUrl, ct));
            }

            var version = request.VersionId is null
                ? await resources.ReadAsync(request.Type, request.Id, ct)
                : await resources.VReadAsync(request.Type, request.Id, request.VersionId, ct);
            var entry = Ok(serializer.Parse(version.Json.Span, FhirFormat.Json));
            entry.FullUrl = $"{baseUrl}/{request.Type}/{request.Id}";
            entry.Response!.Etag = VersionTag.Format(version.VersionId);
            entry.Response.LastModified = version.LastUpdated;
            return entry;
        }
        catch (FhirException error)
        {
            return ErrorEntry(error);
        }
    }

    private static Bundle.EntryComponent Ok(Resource resource) =>
        new() { Resource = resource, Response = new Bundle.ResponseComponent { Status = "200 OK" } };

    private static string? Value(EntryRequest request, string name) =>
        request.Query?.Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault();
}
