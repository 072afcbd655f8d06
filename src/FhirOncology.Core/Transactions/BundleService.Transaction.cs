using FhirOncology.Core.Errors;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Security;
using FhirOncology.Core.Patch;
using FhirOncology.Core.Search;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Transactions;

public sealed partial class BundleService
{
    /// <summary>
    /// bundle.html#transaction: identities are settled first (ids reserved, conditional creates, updates and
    /// deletes matched), then every reference to a fullUrl or conditional reference is rewritten, then entries run
    /// in the order DELETE, POST, PUT — all in one database transaction, so nothing partial is ever visible. GETs
    /// run after the commit and see its result.
    /// </summary>
    private async Task<Bundle> TransactionAsync(Bundle bundle, string baseUrl, bool representation, CancellationToken ct)
    {
        var requests = bundle.Entry.Select((entry, i) => EntryRequest.Parse(i, entry, baseUrl)).ToList();
        var results = new Bundle.EntryComponent?[requests.Count];
        var current = requests[0];
        try
        {
            await using var transaction = await store.BeginWriteAsync(ct);
            var targets = new Dictionary<int, string?>();
            var identities = new Dictionary<string, string>(StringComparer.Ordinal);
            var touched = new HashSet<string>(StringComparer.Ordinal);
            foreach (var request in requests.OrderBy(r => Order(r.Method)))
            {
                current = request;
                var target = await IdentifyAsync(transaction, request, ct);
                targets[request.Index] = target;
                if (target is not null && request.Method != Bundle.HTTPVerb.GET && !touched.Add($"{request.Type}/{target}"))
                {
                    throw FhirException.BadRequest($"{request.Type}/{target} is changed by more than one entry.");
                }

                if (request.FullUrl is not null && target is not null && request.Method is Bundle.HTTPVerb.POST or Bundle.HTTPVerb.PUT
                    && !identities.TryAdd(request.FullUrl, $"{request.Type}/{target}"))
                {
                    throw FhirException.BadRequest($"fullUrl '{request.FullUrl}' appears in more than one entry.");
                }
            }

            foreach (var request in requests.Where(r => r.Resource is not null && r.Method != Bundle.HTTPVerb.PATCH))
            {
                current = request;
                await ReferenceRewriter.RewriteAsync(request.Resource!, identities, reference => ResolveConditionalAsync(transaction, reference, ct));
            }

            foreach (var request in requests.Where(r => r.Method != Bundle.HTTPVerb.GET).OrderBy(r => Order(r.Method)))
            {
                current = request;
                results[request.Index] = WriteEntry(await WriteAsync(transaction, request, targets[request.Index], ct), baseUrl, representation);
            }

            await transaction.CommitAsync(ct);
        }
        catch (FhirException error)
        {
            throw AtEntry(error, current);
        }

        foreach (var request in requests.Where(r => r.Method == Bundle.HTTPVerb.GET))
        {
            results[request.Index] = await ReadEntryAsync(request, baseUrl, ct);
        }

        var response = new Bundle { Type = Bundle.BundleType.TransactionResponse, Id = Guid.NewGuid().ToString("N") };
        response.Entry.AddRange(results.Select(r => r!));
        return response;
    }

    // bundle.html#transaction: DELETE, then POST, then PUT/PATCH, then GET.
    private static int Order(Bundle.HTTPVerb method) => method switch
    {
        Bundle.HTTPVerb.DELETE => 0,
        Bundle.HTTPVerb.POST => 1,
        Bundle.HTTPVerb.PUT or Bundle.HTTPVerb.PATCH => 2,
        _ => 3,
    };

    /// <summary>The id an entry acts on: reserved for a create, matched for conditional requests, null when nothing matches a delete.</summary>
    private async Task<string?> IdentifyAsync(IStoreWriteTransaction transaction, EntryRequest request, CancellationToken ct)
    {
        resources.EnsureSupported(request.Type);
        if (request.Method != Bundle.HTTPVerb.GET)
        {
            // GET entries are checked by the read and search they run as.
            resources.Require(request.Type, request.Method switch
            {
                Bundle.HTTPVerb.POST => Permissions.Create,
                Bundle.HTTPVerb.DELETE => Permissions.Delete,
                _ => Permissions.Update,
            });
        }
        switch (request.Method)
        {
            case Bundle.HTTPVerb.POST:
                RequireResource(request);
                return request.IfNoneExist is { } criteria
                    ? await resources.MatchAsync(transaction, request.Type, resources.ParseCriteria(request.Type, QueryString.Split(criteria)), "ifNoneExist", ct)
                        ?? ResourceService.ReserveId()
                    : ResourceService.ReserveId();
            case Bundle.HTTPVerb.PUT:
                RequireResource(request);
                return request.Id ?? await resources.MatchAsync(transaction, request.Type, resources.ParseCriteria(request.Type, request.Query ?? []), "conditional update", ct)
                    ?? (string.IsNullOrEmpty(request.Resource!.Id) ? ResourceService.ReserveId() : request.Resource.Id);
            case Bundle.HTTPVerb.DELETE:
                AccessPolicy.EnsureChangeable(request.Type, Permissions.Delete); // 405 for append-only types, even when nothing matches
                return request.Id ?? await resources.MatchAsync(transaction, request.Type, resources.ParseCriteria(request.Type, request.Query ?? []), "conditional delete", ct);
            case Bundle.HTTPVerb.PATCH:
                AccessPolicy.EnsureChangeable(request.Type, Permissions.Update);
                return request.Id ?? await resources.MatchAsync(transaction, request.Type, resources.ParseCriteria(request.Type, request.Query ?? []), "conditional patch", ct)
                    ?? throw FhirException.NotFound(request.Type, "(conditional patch criteria)");
            case Bundle.HTTPVerb.GET:
                return request.Id;
            default:
                throw FhirException.BadRequest($"{request.Method} is not supported in a Bundle by this server.");
        }
    }

    private async Task<WriteResult> WriteAsync(IStoreWriteTransaction transaction, EntryRequest request, string? id, CancellationToken ct)
    {
        switch (request.Method)
        {
            case Bundle.HTTPVerb.DELETE:
                return id is null
                    ? new WriteResult(WriteOutcome.NothingToDelete, null)
                    : await resources.DeleteInTransactionAsync(transaction, new ResourceKey(request.Type, id), ct);
            case Bundle.HTTPVerb.POST:
                var existing = await transaction.ReadCurrentAsync(new ResourceKey(request.Type, id!), ct);
                return existing is { IsDeleted: false } && request.IfNoneExist is not null
                    ? new WriteResult(WriteOutcome.Existing, existing)
                    : await resources.CreateWithIdAsync(transaction, request.Resource!, id!, ct);
            case Bundle.HTTPVerb.PATCH:
                return await resources.PatchInTransactionAsync(transaction, request.Type, id!,
                    PatchDocuments.FromEntryResource(request.Resource, serializer), request.IfMatchVersion(), ct);
            default:
                if (request.Id is not null)
                {
                    ResourceService.EnsureUpdateBody(request.Type, request.Id, request.Resource!);
                }
                else if (!string.IsNullOrEmpty(request.Resource!.Id) && request.Resource.Id != id)
                {
                    throw FhirException.BadRequest($"The criteria match {request.Type}/{id} but the resource's id is '{request.Resource.Id}'.");
                }
                else
                {
                    request.Resource.Id = id;
                }

                return await resources.UpdateInTransactionAsync(transaction, request.Type, id!, request.Resource!, request.IfMatchVersion(), ct);
        }
    }

    // bundle.html#conditional-references: exactly one match, or the transaction fails with 412.
    private async Task<string> ResolveConditionalAsync(IStoreWriteTransaction transaction, string reference, CancellationToken ct)
    {
        var type = reference[..reference.IndexOf('?', StringComparison.Ordinal)];
        var criteria = resources.ParseCriteria(type, QueryString.Split(reference));
        var matches = await transaction.FindCurrentIdsAsync(type, criteria, 2, ct);
        return matches.Count == 1
            ? $"{type}/{matches[0]}"
            : throw FhirException.PreconditionFailed($"The conditional reference '{reference}' matches {(matches.Count == 0 ? "no" : "more than one")} {type}.");
    }

    private static void RequireResource(EntryRequest request)
    {
        if (request.Resource is null)
        {
            throw FhirException.BadRequest($"A {request.Method} entry needs a resource.");
        }

        if (request.Resource.TypeName != request.Type)
        {
            throw FhirException.BadRequest($"The entry's resource is a {request.Resource.TypeName} but its request.url is for {request.Type}.");
        }
    }
}
