using FhirOncology.Core.Search;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Interactions;

public sealed partial class ResourceService
{
    /// <summary>
    /// http.html#create: the server assigns the id (one in the body is ignored). With <paramref name="ifNoneExist"/>
    /// (http.html#ccreate): one match returns it unchanged, several give 412. The match and the insert run in one
    /// serialised transaction, so concurrent identical conditional creates produce one resource.
    /// </summary>
    public async Task<WriteResult> CreateAsync(string type, Resource resource, string? ifNoneExist, CancellationToken ct)
    {
        EnsureSupported(type);
        EnsureBodyType(type, resource);
        policy.Require(type, Security.Permissions.Create); // also when a conditional create finds a match
        var criteria = ifNoneExist is null ? null : searchParser.ParseCriteria(type, QueryString.Split(ifNoneExist));

        await using var transaction = await store.BeginWriteAsync(ct);
        if (criteria is not null)
        {
            var existingId = await FindSingleMatchAsync(transaction, type, criteria, "If-None-Exist", ct);
            if (existingId is not null)
            {
                var existing = await transaction.ReadCurrentAsync(new ResourceKey(type, existingId), ct);
                return new WriteResult(WriteOutcome.Existing, existing);
            }
        }

        var created = await SaveVersionAsync(transaction, resource, NewId(), 1, WriteMethod.Create, ct);
        await transaction.CommitAsync(ct);
        return new WriteResult(WriteOutcome.Created, created);
    }
}
